import { normaliseNumbers, pairFeatures, SAME_CLAIM_SCORE, sameClaimScore } from "@/lib/search/same-claim-match";
import { figuresOf } from "@/lib/search/claim-conflict";
import { classification, labelledPairs } from "@/bench/quality/evaluate";

const same = (a: string, b: string) => sameClaimScore(a, b) >= SAME_CLAIM_SCORE;

/** A pair and the value one of its features must read: the held-out sets' lessons, each named by its claim on failure. */
type FeatureCase = [feature: string, a: string, b: string, value: number];
const expectFeatures = (cases: FeatureCase[]) => {
  for (const [feature, a, b, value] of cases) expect({ a, [feature]: pairFeatures(a, b)[feature] }).toEqual({ a, [feature]: value });
};

describe("normaliseNumbers", () => {
  it("writes number words as digits and every percent alike", () => {
    expect(normaliseNumbers("under four percent for eleven months")).toBe("under 4 percent for 11 months");
    expect(normaliseNumbers("below 4% and 7,3 % and 62,5 Prozent")).toBe("below 4 percent and 7,3 percent and 62,5 percent");
    expect(normaliseNumbers("one in four jobs")).toBe("25 percent jobs");
  });

  it("reads a figure followed by 'in' and a year as the figure and the year, not as a share", () => {
    expect(normaliseNumbers("up from 3,300 in 2020")).toBe("up from 3,300 in 2020");
    expect(normaliseNumbers("12 in 2019 and 40 in 100")).toBe("12 in 2019 and 40 percent");
    const [a, b] = ["The register shows 4,120 households waiting, up from 3,300 in 2020.", "The register shows 4,120 households waiting, up from 3,300 in 2010."];
    expect(same(a, b)).toBe(false);
  });

  it("reads fractions and shares in words as percentages, and half a million as a figure", () => {
    expect(normaliseNumbers("About one-seventh of the water")).toBe("About 14.3 percent of the water");
    expect(normaliseNumbers("Vier von fünf Verspätungen")).toBe("80 percent Verspätungen");
    expect(normaliseNumbers("half a million new factory jobs")).toBe("0.5 million new factory jobs");
  });
});

describe("normaliseNumbers, figures in other words and units", () => {
  it("reads a multiple as a change, a span or measure in one unit, and other languages' fractions and scales", () => {
    expect(normaliseNumbers("Bus fares doubled in 2024.")).toBe("Bus fares rose 100 percent in 2024.");
    expect(normaliseNumbers("the driest summer in four decades")).toBe("the driest summer in 40 years");
    expect(normaliseNumbers("two and a half hours of exercise")).toBe("150 minutes of exercise");
    expect(normaliseNumbers("a fee of 45 cents")).toBe("a fee of 0.45");
    expect(normaliseNumbers("Près d'un tiers des électeurs")).toBe("Près de 33.3 percent des électeurs");
    expect(normaliseNumbers("1,8 milhões de passageiros")).toBe("1,8 million de passageiros");
  });

  it("reads no figure in 'the one', and no direction in a bound", () => {
    expect(normaliseNumbers("better than the one sold last year")).toBe("better than the item sold last year");
    expect(normaliseNumbers("up to $500 or less")).toBe("at most $500 at most");
  });
});

describe("normaliseNumbers, the fourth set's restatements", () => {
  it("reads compound number words, a hundred and more, other languages' numbers and thousands", () => {
    expect(normaliseNumbers("Sixty-one firms took part")).toBe("61 firms took part");
    expect(normaliseNumbers("added a hundred and forty-eight thousand jobs")).toBe("added 148 thousand jobs");
    expect(normaliseNumbers("siete de cada diez contratos")).toBe("70 percent contratos");
    expect(normaliseNumbers("van 11,2 duizend")).toBe("van 11,2 thousand");
  });

  it("reads a time of day as one word, a quarter of an hour in minutes, miles in kilometres", () => {
    expect(normaliseNumbers("kick-off at 4:30 p.m.")).toBe(normaliseNumbers("kick-off 4.30pm").replace("kick-off ", "kick-off at "));
    expect(normaliseNumbers("a quarter of an hour earlier")).toBe("15 minutes earlier");
    expect(normaliseNumbers("a detour of about 3 miles")).toBe("a detour of about 4.8 km");
  });
});

describe("pairFeatures, the hard negatives of new text", () => {
  const fires = (a: string, b: string, feature: string) => pairFeatures(a, b)[feature] === 1 && pairFeatures(b, a)[feature] === 1;
  it("sees a claim denied, a direction reversed, figures in another order", () => {
    expect(fires("The mayor never approved the new stadium.", "The mayor approved the new stadium.", "negation")).toBe(true);
    expect(fires("Bus ridership is still rising this year.", "Bus ridership is falling this year.", "direction")).toBe(true);
    expect(fires("Bus ridership rose this year.", "Bus ridership increased this year.", "direction")).toBe(false);
    expect(fires("Prices rose from 3 euros to 5 euros.", "Prices went from 5 euros to 3 euros.", "figuresReordered")).toBe(true);
  });

  it("sees a rate over another span and another named source, but not a pronoun for a name", () => {
    expect(fires("The plant emits 300 tonnes of CO2 a day.", "The plant emits 300 tonnes of CO2 a year.", "rate")).toBe(true);
    expect(fires("The plant emits 300 tonnes of CO2 a year.", "The plant emits 300 tonnes of CO2 annually.", "rate")).toBe(false);
    expect(fires("According to the teachers' union, 30 percent of schools lack heating.", "According to the education ministry, 30 percent of schools lack heating.", "claimant")).toBe(true);
    expect(fires("The teachers' union said 30 percent of schools lack heating.", "30 percent of schools lack heating, the union said.", "claimant")).toBe(false);
    expect(fires("She said 30 percent of schools lack heating.", "30 percent of schools lack heating, the education minister said.", "claimant")).toBe(false);
  });

  it("refuses a figure over another span and a direction reversed, but not another named source alone", () => {
    expect(same("The plant emits 300 tonnes of CO2 a day.", "The plant emits 300 tonnes of CO2 a year.")).toBe(false);
    expect(same("Bus ridership is still rising this year, the council said.", "Bus ridership is falling this year, the council said.")).toBe(false);
    // A claim is the same whoever states it: learnt from six sets another source alone no longer refused (0.52 against
    // 0.75 for the same source); from twenty-one to twenty-two it weighed nothing, from twenty-three -0.18, from
    // twenty-four -0.26, twenty-five -0.25, thirty-two 0 (the labellers' pairs carry a verdict over whoever states it).
    expect(same("According to the teachers' union, 30 percent of schools lack heating.", "According to the education ministry, 30 percent of schools lack heating.")).toBe(true);
  });

  it("reads a contrast or a verb that denies as no denial", () => {
    expect(pairFeatures("Hegseth said Europe, not the US, should offer Ukraine security guarantees", "Hegseth said European forces should offer security guarantees").negation).toBe(0);
    expect(pairFeatures("Hegseth ruled out NATO membership for Ukraine", "Hegseth said the US would not accept NATO membership for Ukraine").negation).toBe(0);
  });
});

describe("sameClaimScore", () => {
  it("finds a claim restated with its figures written another way", () => {
    expect(same("Unemployment has been under four percent for two years.", "Unemployment has been below 4% for the past two years.")).toBe(true);
    expect(same("Wage growth has now outpaced inflation for eleven consecutive months.", "For 11 months in a row, wages have outpaced inflation.")).toBe(true);
  });

  it("refuses the hard negatives: another month, place or direction", () => {
    expect(same("U.S. employers added 148,000 jobs in March, the Labor Department reported.", "U.S. employers added 148,000 jobs in February, the Labor Department reported.")).toBe(false);
    expect(same("Harlow told 2,000 supporters in Dayton on Saturday that her plan would bring jobs back.", "Harlow told 2,000 supporters in Toledo on Monday that her plan would bring jobs back.")).toBe(false);
    expect(same("Le taux de chômage est en hausse de 0,6 point sur un an.", "Le taux de chômage a baissé de 0,6 point sur un an.")).toBe(false);
  });

  it("finds a figure restated in words or rounded, or a place named as an adjective (development pairs)", () => {
    expect(same("She also said Northwind would slow its pace of new store openings, opening about 450 stores in North America this year instead of the 600 it had planned.", "Northwind will open roughly 450 North American stores this year, down from a planned 600.")).toBe(true);
    expect(same("Harlow, who is seeking her party's nomination for president, repeated a pledge to create 500,000 manufacturing jobs in her first term.", "Harlow has promised half a million new factory jobs in her first four years.")).toBe(true);
    expect(same("Public Works Director Sam Okoro said that 14 percent of treated water was being lost through leaks, and that replacing the oldest mains would cost about $8 million over ten years.", "About one-seventh of Millbrook's treated water leaks away, the public works director said.")).toBe(true);
  });

  it("refuses a word put in place of its opposite (development pairs)", () => {
    expect(same("WASHINGTON, D.C. — The U.S. Department of Transportation today announced $2.4 billion in grants to repair or replace 1,150 bridges in rural communities across 43 states, Puerto Rico and the District of Columbia.", "The U.S. Department of Transportation announced $2.4 billion in grants to repair 1,150 bridges in urban areas across 43 states.")).toBe(false);
    expect(same("He was one of 14 members from the governing party who voted against it.", "Fourteen opposition MPs voted with the government on the bill.")).toBe(false);
  });

  // The spent sets' pairs (the first set's both halves, heldout-2's to -32's), read without the
  // trigram search's floor, in sample (the model learnt from all thirty-two; train-same-claim.ts prints
  // its cross-validated 0.766 at 0.801 over the 7,574, before the topic check): measured
  // precision and recall below. Floors 0.03 below.
  it("keeps its precision and recall on the pairs it learnt from", () => {
    const measured = [
      ["set-1", { precision: 0.851, recall: 0.858 }],
      ["heldout-2", { precision: 0.784, recall: 0.833 }],
      ["heldout-3", { precision: 0.828, recall: 0.901 }],
      ["heldout-4", { precision: 0.842, recall: 0.821 }],
      ["heldout-5", { precision: 0.766, recall: 0.798 }],
      ["heldout-6", { precision: 0.789, recall: 0.926 }],
      ["heldout-7", { precision: 0.8, recall: 0.855 }],
      ["heldout-8", { precision: 0.701, recall: 0.837 }],
      ["heldout-9", { precision: 0.758, recall: 0.833 }],
      ["heldout-10", { precision: 0.772, recall: 0.875 }],
      ["heldout-11", { precision: 0.775, recall: 0.754 }],
      ["heldout-12", { precision: 0.761, recall: 0.872 }],
      ["heldout-13", { precision: 0.823, recall: 0.85 }],
      ["heldout-14", { precision: 0.704, recall: 0.733 }],
      ["heldout-15", { precision: 0.74, recall: 0.777 }],
      ["heldout-16", { precision: 0.856, recall: 0.842 }],
      ["heldout-17", { precision: 0.824, recall: 0.803 }],
      ["heldout-18", { precision: 0.768, recall: 0.793 }],
      ["heldout-19", { precision: 0.805, recall: 0.87 }],
      ["heldout-20", { precision: 0.721, recall: 0.727 }],
      ["heldout-21", { precision: 0.833, recall: 0.833 }],
      ["heldout-22", { precision: 0.716, recall: 0.835 }],
      ["heldout-23", { precision: 0.671, recall: 0.79 }],
      ["heldout-24", { precision: 0.744, recall: 0.75 }],
      ["heldout-25", { precision: 0.725, recall: 0.779 }],
      ["heldout-26", { precision: 0.688, recall: 0.717 }],
      ["heldout-27", { precision: 0.82, recall: 0.84 }],
      ["heldout-28", { precision: 0.766, recall: 0.805 }],
      ["heldout-29", { precision: 0.862, recall: 0.862 }],
      ["heldout-30", { precision: 0.662, recall: 0.717 }],
      ["heldout-31", { precision: 0.733, recall: 0.792 }],
      ["heldout-32", { precision: 0.678, recall: 0.815 }],
    ] as const;
    for (const [set, { precision, recall }] of measured) {
      const pairs = labelledPairs(set);
      const figures = classification(pairs.map((p) => same(p.a, p.b)), pairs.map((p) => p.same));
      expect(figures.precision).toBeGreaterThanOrEqual(precision - 0.03);
      expect(figures.recall).toBeGreaterThanOrEqual(recall - 0.03);
    }
  });

  it("refuses a winner and loser turned round, another ordinal or currency; counts another period or a near copy denied against a match", () => {
    expect(same("Harbour Rovers went top after a 3-2 win over Castleford Town at Quayside Park on Saturday.", "Castleford Town beat Harbour Rovers 3-2 at Quayside Park on Saturday.")).toBe(false);
    expect(same("The pair added 148 for the fifth wicket, a record for the competition.", "Aldridge and Moss added 148 for the fourth wicket, a record for the competition.")).toBe(false);
    expect(same("The Nova 7 will cost €899 in Europe and $949 in the U.S.", "The Nova 7 will be priced at $899 in the U.S. and €949 in Europe.")).toBe(false);
    // Weighed against: 0.31 and 0.38 against 0.66 and 0.70 with the model learnt from thirty-two sets (0.51 and 0.57 against
    // 0.80 and 0.84 with an earlier one, not enough alone to refuse); the order holds as the weights move.
    const foodPrices = "Food prices rose by 0.8 percent in November alone, driven by meat and dairy.";
    expect(sameClaimScore(foodPrices, "Food prices rose by 0.8 percent over the past year, driven by meat and dairy.")).toBeLessThan(sameClaimScore(foodPrices, "Food prices went up 0.8 percent in November alone, on meat and dairy."));
    const relatives = "Pettifer's two relatives, in whose names the companies were registered, were not charged.";
    expect(sameClaimScore(relatives, "Pettifer's two relatives, in whose names the companies were registered, were charged with fraud.")).toBeLessThan(sameClaimScore(relatives, "Pettifer's two relatives, in whose names the companies were registered, were not charged with fraud."));
    expect(pairFeatures("Rovers beat Athletic 3-1 at Riverside Park.", "At Riverside Park, Athletic lost 3-1 to Rovers.").roles).toBe(0);
    expect(pairFeatures("Ashfield drew 1-1 with Carrow Rovers.", "Ashfield beat Carrow Rovers 2-1.").score).toBe(1);
    expect(pairFeatures("People will be screened from 50 instead of 56.", "Screening will begin at 56 rather than 50.").roles).toBe(1);
  });

  it("reads no swapped name in German, where every noun has a capital", () => {
    const [a, b] = ["„Die Kosten für den Ausbau der Stromnetze sind im vergangenen Jahr um fast ein Viertel gestiegen“, sagte Hollmann.", "Laut Hollmann sind die Netzkosten im vergangenen Jahr um knapp 25 % gestiegen."];
    expect(pairFeatures(a, b).swappedDetail).toBe(0);
  });

  it("reads more against less in other languages, and 'three years ago' against 'last year'", () => {
    expect(pairFeatures("Se contratarán alrededor de 2.000 temporeros menos.", "Se contratarán alrededor de 2.000 temporeros más.").antonyms).toBe(1);
    expect(pairFeatures("The university spent 60 million pounds on a business school three years ago.", "The university spent 60 million pounds on a business school last year.").period).toBe(1);
  });

  it("reads a change against a level, and 'more than a year' against 'more than two years'", () => {
    expect(pairFeatures("Coral cover at the 22 sites rose by 24 percentage points.", "Coral cover at the 22 sites rose to 24%.").changeOrLevel).toBe(1);
    expect(pairFeatures("Prices rose by 3 percent to $4.20.", "Prices rose 3% to $4.20.").changeOrLevel).toBe(0);
    expect(pairFeatures("1,410 had been waiting for more than a year.", "1,410 had been waiting for more than two years.").figuresDisagree).toBe(1);
  });

  it("reads a figure in its own unit too: '40 hours a week to 16' restates 'from 40 to 16'", () => {
    const features = pairFeatures(
      "The branch's opening hours were cut from 40 hours a week to 16 in 2023.",
      "In 2023 the branch's weekly hours were reduced from 40 to 16.",
    );
    expect(features.figuresDisagree).toBe(0);
  });

  it("keeps a copy cut short as the same claim, and refuses a copy with a word changed or its words reordered", () => {
    const sentence = "Dementia affects more than 55 million people worldwide, according to the World Health Organization.";
    expect(same(sentence, "Dementia affects more than 55 million people, according to the World Health Organization.")).toBe(true);
    expect(same(sentence, "Dementia affects more than 55 million people in Europe, according to the World Health Organization.")).toBe(false);
    expect(same("Wage growth has outpaced inflation for eleven consecutive months.", "Inflation has outpaced wage growth for eleven consecutive months.")).toBe(false);
  });

  it("reads one figure measuring two things, two figures swapped, and who outpaces whom turned round (the seventh set's pairs)", () => {
    const feature = (a: string, b: string, name: string) => [pairFeatures(a, b)[name], pairFeatures(b, a)[name]];
    expect(feature("The police element of council tax will rise by 14 pounds a year for a typical Band D home, to 298 pounds.", "The police element of council tax will rise by 14 per cent for a typical Band D home.", "measure")).toEqual([1, 1]);
    // A bare figure says nothing of what it measures: "from 6 000 to 4 500 euros" restates "6 000 euros".
    expect(feature("L'aide passera de 6 000 à 4 500 euros.", "L'aide sera ramenée de 6 000 euros à 4 500 euros.", "measure")).toEqual([0, 0]);
    expect(feature("Westmark directors' bonuses totalled £1.2m.", "Bonuses paid to Westmark's directors came to £1.2 million in total.", "measure")).toEqual([0, 0]);
    expect(feature("The Fiscal Council forecasts growth of 1.7 per cent next year and 2.0 per cent the year after.", "The Fiscal Council forecasts growth of 2.0 per cent next year and 1.7 per cent the year after.", "figuresSwapped")).toEqual([1, 1]);
    expect(feature("We have added 60 new buses to the fleet, and journeys are up 14 per cent.", "We have added 14 new buses to the fleet, and journeys are up 60 per cent.", "figuresSwapped")).toEqual([1, 1]);
    expect(feature("Unemployment fell from 6.1 per cent to 4.7 per cent.", "At 4.7 per cent, unemployment is down from 6.1 per cent.", "figuresSwapped")).toEqual([0, 0]);
    expect(feature("Rents are still outpacing pay.", "Pay is now outpacing rents.", "roles")).toEqual([1, 1]);
  });

  it("reads top against bottom, a half-hourly service against an hourly one, a raise against a cut, a day's move against the year's (the seventh set's pairs)", () => {
    expect(pairFeatures("Kellsworth Rovers are six points from safety at the bottom of the league.", "Kellsworth Rovers are six points clear at the top of the league.").antonyms).toBe(1);
    expect(pairFeatures("Fourteen million pounds would pay for a half-hourly bus service.", "Fourteen million pounds would pay for an hourly bus service.").rate).toBe(1);
    expect(pairFeatures("Harrowgate council will raise parking charges by 10% from January.", "Harrowgate council will cut bus fares by 10% from January.").wordsOppose).toBe(1);
    expect(pairFeatures("Shares in the company rose 6.4 per cent by midday.", "Shares in Lumenet are up 6.4 per cent since the start of the year.").period).toBe(1);
  });

  it("reads a time of day without minutes as a time, and 'a decade' as ten years (the eighth set's pairs)", () => {
    expect(normaliseNumbers("shortly after 2 p.m., and at 11am")).toBe(normaliseNumbers("shortly after 2:00 p.m., and at 11:00 a.m."));
    expect(pairFeatures(
      "Pryce-Owen said a fifth of children in Northmoor were obese by age 11, up from one in seven ten years earlier.",
      "Opening the debate shortly after 2 p.m., Mr Pryce-Owen told members that one in five children in the region was obese by the age of eleven, compared with one in seven a decade ago.",
    ).figuresDisagree).toBe(0);
  });

  it("reads any fraction, a multiple, hundreds, Dutch and Italian scales and a decade in other words (the ninth set's pairs)", () => {
    expect(normaliseNumbers("nearly two-fifths of pay, six-tenths of a second, a fifth of one percent")).toBe("nearly 40 percent of pay, 0.6 seconds, 0.2 percent");
    expect(normaliseNumbers("for a fifth consecutive month")).toBe("for a 5 consecutive month");
    expect(normaliseNumbers("Six hundred officers; 2.6 times as many fires")).toBe("600 officers; rose 160 percent fires");
    expect(normaliseNumbers("240 miljoen euro, 386 milioni, driekwart, 31 por cento")).toBe("240 million euro, 386 million, 75 percent, 31 percent");
    expect(normaliseNumbers("numa década; over the following decade")).toBe("10 years; over the following 10 years");
    expect(pairFeatures(
      "Pellworth Foods reported an 18 percent fall in first-half operating profit, blaming cocoa.",
      "Pellworth Foods' first-half operating profit dropped by almost a fifth, put down to cocoa costs.",
    ).figuresDisagree).toBe(0);
    expect(pairFeatures("Grace Okoro won the women's 1500 metres in 3 minutes 58.41 seconds.", "Grace Okoro won the women's 1500m in a national record of 3:58.41.").figuresDisagree).toBe(0);
    expect(pairFeatures("Most of the money, 180 million euros, will come from the national fund.", "Het grootste deel van het geld, 180 miljoen euro, komt uit het landelijke fonds.").figuresDisagree).toBe(0);
    expect(pairFeatures("Turnover fell by a fifth.", "Turnover fell by a quarter.").figuresDisagree).toBe(1);
  });

  it("reads where a change started against where it ended, with money in millions either way (the ninth set's pairs)", () => {
    expect(pairFeatures(
      "The state pension will rise by 4.1 percent next April, taking the full weekly rate from £221.20 to £230.27.",
      "The state pension will rise by 4.1 percent next April, taking the full weekly rate to £221.20.",
    ).startAndEnd).toBe(1);
    expect(pairFeatures("Homes worth up to £250,000, down from £320,000 now.", "Homes worth up to £320,000, from £250,000 now.").startAndEnd).toBe(1);
    expect(pairFeatures("Road maintenance will fall from 96 million dollars to 81 million.", "The road maintenance budget is being cut to $81m from $96m.").startAndEnd).toBe(0);
    expect(pairFeatures("Winds were 0.8 metres per second, a headwind.", "Winds were 0.8 metres per second, a tailwind.").antonyms).toBe(1);
    expect(pairFeatures("The consultation closes on 14 March.", "The consultation opens on 14 March.").antonyms).toBe(1);
    expect(pairFeatures("The consultation closes on 14 March.", "The consultation closes close to 14 March.").antonyms).toBe(0);
  });

  it("reads a share with its people between, other languages' fifths and tenths, and a fraction as no ordinal (the tenth set's pairs)", () => {
    expect(normaliseNumbers("only about one parent in twelve said so")).toBe("only about 8.3 percent of parent said so");
    expect(normaliseNumbers("dont environ un cinquième la nuit; una décima parte del olivar")).toBe("dont environ 20 percent la nuit; 10 percent del olivar");
    expect(pairFeatures(
      "Roughly one in three of those homes was built in the capital region, while towns like this one received barely a tenth.",
      "About a third of new homes last year went up in the capital region, while towns such as Kestrelford got barely 10 per cent.",
    ).ordinal).toBe(0);
    expect(pairFeatures(
      "Higher steel prices have pushed the estimated cost up from 540m to 720m crowns.",
      "The estimated cost has risen from 540 million crowns to 720 million, mainly because of higher steel prices.",
    ).figuresDisagree).toBe(0);
    expect(pairFeatures("Donations have recovered to about four-fifths of their previous level.", "Donations have recovered to about three-quarters of their previous level.").figuresDisagree).toBe(1);
  });

  it("reads other languages' clock hours and race times alike, and a record ever against this year's (the eleventh set's pairs)", () => {
    expect(normaliseNumbers("ogni notte dalle 23 alle 6")).toBe("ogni notte dalle t2300 alle t0600");
    expect(normaliseNumbers("every night from 11 p.m. to 6 a.m.")).toBe("every night from t2300 to t0600");
    expect(normaliseNumbers("om half tien 's avonds; um 23 Uhr")).toBe("om t2130; um t2300");
    expect(normaliseNumbers("alle 3 scuole")).toBe("alle 3 scuole");
    expect(normaliseNumbers("in 2:12:09, or 2 hours 21 minutes and 9 seconds")).toBe("in 7929 seconds, or 8469 seconds");
    expect(pairFeatures("Morrow's time is the fastest by any woman in the country this year.", "Morrow's time is the fastest by any woman in the country ever.").period).toBe(1);
    expect(pairFeatures("The agency will rule by next autumn.", "The agency will rule by next spring.").period).toBe(1);
  });

  it("reads who trails whom, a defeat against a win, and more words of direction (the eleventh set's pairs)", () => {
    expect(pairFeatures("A new poll puts Delia Marsh eleven points behind Governor Aldous Prenn.", "Governor Aldous Prenn trails Delia Marsh by eleven points, according to a new poll.").roles).toBe(1);
    const [clear, behind] = ["Harbour Rovers sit two points clear of Kestrel Park at the top.", "Kestrel Park are two points behind leaders Harbour Rovers."];
    expect([pairFeatures(clear, behind).roles, pairFeatures(clear, behind).antonyms]).toEqual([0, 0]);
    expect(pairFeatures("Achterberg scored a hat-trick in the 31-29 defeat.", "Achterberg scored a hat-trick in the 31-29 win.").antonyms).toBe(1);
    expect(pairFeatures("Rovers' 2-1 win over Athletic.", "Athletic's 2-1 defeat by Rovers.").antonyms).toBe(0);
    expect(pairFeatures("Dross predicts rents will fall by around 5% in 2026.", "Dross forecast an increase of around 5 per cent in 2026.").direction).toBe(1);
    expect(pairFeatures("O terminal movimentou 610 mil contentores, uma queda de 12 por cento.", "O terminal movimentou 610 mil contentores, um aumento de 12 por cento.").direction).toBe(1);
  });

  it("reads for against gegen, weekdays, exports, rates and shares in other languages, hours and minutes, and a year against since a month (the twelfth set's pairs)", () => {
    expect(pairFeatures("Heidler stimmte für die Schließung der Bäder.", "Heidler stimmte gegen die Schließung der Bäder.").antonyms).toBe(1);
    expect(pairFeatures("Das Bad bleibt an Wochenenden bis 22 Uhr geöffnet.", "Das Bad bleibt an Wochentagen bis 22 Uhr geöffnet.").antonyms).toBe(1);
    expect(pairFeatures("El puerto mueve un tercio de las exportaciones agrícolas.", "El puerto mueve un tercio de las importaciones agrícolas.").antonyms).toBe(1);
    expect(pairFeatures("Rund 40 Schulklassen nutzen die Bäder jeden Monat.", "Rund 40 Schulklassen nutzen die Bäder jede Woche.").rate).toBe(1);
    expect(normaliseNumbers("deux jeunes embauchés sur trois; fast jedes dritte Kind")).toBe("66.7 percent jeunes embauchés; fast 33.3 percent Kind");
    expect(normaliseNumbers("The match lasted two hours and 51 minutes")).toBe("The match lasted 171 minutes");
    expect(pairFeatures("Prices in the capital are down 5.8% on a year ago.", "Prices in the capital are down 5.8% since June.").period).toBe(1);
    expect(pairFeatures("The polls have us perhaps a point or two ahead.", "The polls show her party trailing by a point or two.").antonyms).toBe(1);
  });

  it("reads half years, dozens, runs and ranges with one scale alike, and one season against another (the twelfth set's errors)", () => {
    expect(normaliseNumbers("six months late, or half a year behind")).toBe("0.5 years late, or 0.5 years behind");
    expect(normaliseNumbers("within eighteen months, or within a year and a half")).toBe("within 1.5 years, or within 1.5 years");
    expect(normaliseNumbers("around a dozen shops, not two dozen")).toBe("around 12 shops, not 24");
    expect(normaliseNumbers("the fourth straight month; four months in a row")).toBe("the 4 consecutive month; 4 consecutive month");
    expect(normaliseNumbers("for the third summer running; for three consecutive summers")).toBe("for the 3 consecutive summer; for 3 consecutive summer");
    expect(normaliseNumbers("between 9 and 12 billion crowns; 9 billion to 12 billion crowns")).toBe("9 billion to 12 billion crowns; 9 billion to 12 billion crowns");
    // A year is no start of a range: "310 million in 2019 to 540 million" states no 2019 million.
    expect(normaliseNumbers("from 310 million in 2019 to 540 million")).toBe("from 310 million in 2019 to 540 million");
    expect(pairFeatures("The valley has had less than half its normal rainfall for three consecutive summers.", "For the third summer running, the valley has received under half its usual rainfall.").figuresDisagree).toBe(0);
    expect(pairFeatures("La anterior huelga, en el otoño de 2023, duró nueve días.", "La anterior huelga, en la primavera de 2023, duró nueve días.").antonyms).toBe(1);
  });

  it("reads a time at a sentence's end, centimetres, days and hyphenated spans, any share and a hedged fraction; weekdays, purchases and directions (the thirteenth set's errors)", () => {
    expect(pairFeatures("Clearing opens on Friday at 14:00.", "Clearing opens at 2 p.m. on Friday.").figureOnOneSide).toBe(0);
    expect(normaliseNumbers("De dijken gaan tot 120 centimeter omhoog.")).toBe("De dijken gaan tot 1.2 metres omhoog.");
    expect(normaliseNumbers("a two-day strike, a 48-hour strike, two weeks")).toBe("a 2880 minutes strike, a 2880 minutes strike, 20160 minutes");
    expect(pairFeatures("Drivers began a two-day strike, the first in 11 years.", "Drivers began a 48-hour strike, the first in eleven years.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("about one train in five; 2 goals in 10 minutes")).toBe("about 20 percent of train; 2 goals in 10 minutes");
    const [quarter, percent] = ["The drug cut heart attacks by about a quarter over three years.", "The drug cut heart attacks by 26 percent over three years."];
    expect(pairFeatures(quarter, percent).figuresDisagree).toBe(0);
    expect(pairFeatures("La manifestation est prévue dimanche à 14 h.", "La manifestation est prévue samedi à 14 h.").antonyms).toBe(1);
    expect(pairFeatures("Corvin Group has agreed to buy Halden Foods for 3.4 billion crowns.", "Halden Foods has agreed to buy Corvin Group for 3.4 billion crowns.").roles).toBe(1);
    expect(pairFeatures("Corvin Group has agreed to buy Halden Foods for 3.4 billion crowns.", "Halden Foods is to be bought by Corvin Group for 3.4 billion crowns.").roles).toBe(0);
    // Both name both directions: the figures say which went which way.
    const [rose, fell] = ["Entries in computing rose by 12 percent, while entries in languages fell by 5 percent.", "Entries in computing fell by 12 percent, while entries in languages rose by 5 percent."];
    expect(pairFeatures(rose, fell).direction).toBe(1);
    // One direction in other words: "was up" and "dropped" against "rose" and "fell".
    const [up, dropped] = ["Footfall was up roughly 20% and vacant shops had dropped from 23 to nine.", "Footfall rose by about a fifth, and empty shops fell from 23 to nine."];
    expect(pairFeatures(up, dropped).direction).toBe(0);
  });

  it("reads two places trading their figures, the same period last year as a year earlier, and clock times in words (the fourteenth set's errors)", () => {
    // Each place's words stand by the other place's figure.
    const [capital, north] = ["Uptake reached 78 per cent in the capital but only 63 per cent in the northern health district.", "In the northern health district it reached 78 per cent, while in the capital it was 63 per cent."];
    expect(pairFeatures(capital, north).figuresSwapped).toBe(1);
    expect(pairFeatures(capital, "In the capital uptake reached 78 per cent, while the northern health district managed only 63 per cent.").figuresSwapped).toBe(0);
    // A change and a level of one thing, told in the other order, trade nothing.
    expect(pairFeatures("Spending on the bus service will rise by 38 million dollars to 262 million.", "The city's bus service will get $262 million, up $38 million.").figuresSwapped).toBe(0);
    // "A year earlier" is a time, not a rate of "a year"; "the same period last year" compares year on year.
    const [quarter, months] = [
      "Skyline Air made a pre-tax profit of 412 million crowns in the quarter, 27% more than a year earlier.",
      "Skyline Air reported a pre-tax profit of 412 million crowns for the quarter, up 27 per cent on the same period last year.",
    ];
    expect(pairFeatures(quarter, months).period).toBe(0);
    expect(pairFeatures(quarter, months).rate).toBe(0);
    expect(pairFeatures(quarter, "Skyline Air made a pre-tax profit of 412 million crowns in the quarter, 27% more than last year.").period).toBe(1);
    expect(normaliseNumbers("at half past seven in the morning, a quarter to eight in the evening")).toBe("at t0730, a t1945");
    expect(normaliseNumbers("um halb sieben am Abend, um 18.30 Uhr, a las 12.00 horas; halb voll")).toBe("um t1830, um t1830, a las t1200; halb voll");
  });

  it("reads one month against another in any language, a quarter as a period, and a denial only of what the other claim says (the fifteenth set's errors)", () => {
    expect(pairFeatures("Une décision sur ce point est attendue en juin.", "Une décision sur ce point est attendue en juillet.").antonyms).toBe(1);
    expect(pairFeatures("La mostra aprirà il 15 marzo 2027.", "The exhibition will open on 15 May 2027.").antonyms).toBe(1);
    // "March" and "may" as words, not months.
    expect(pairFeatures("Thousands joined the march on Saturday.", "Thousands may join the protest on Saturday.").antonyms).toBe(0);
    expect(normaliseNumbers("down 7% on the quarter, in the third quarter, quarter on quarter; a quarter of homes")).toBe("down 7 percent on the qtr, in the qtr3, qtr on qtr; 25 percent of homes");
    expect(pairFeatures("House building starts down 7% on the quarter.", "House building starts down 7% on the year.").period).toBe(1);
    expect(pairFeatures("The line's punctuality was 71% last year.", "The line's punctuality was 71% last quarter.").period).toBe(1);
    expect(pairFeatures("Housing starts fell 7% quarter on quarter to 31,200.", "Work started on 31,200 new homes, down 7 percent on the previous quarter.").period).toBe(0);
    // A denial of what the other never says denies nothing of it; a denial of what it says does.
    const [quoted, reported] = [
      "\"I had a 91-year-old woman with a broken hip who waited seven hours on a trolley in a corridor,\" said one paramedic, who asked not to be named.",
      "A paramedic said a 91-year-old woman with a broken hip had waited seven hours on a trolley in a hospital corridor.",
    ];
    expect(pairFeatures(quoted, reported).negation).toBe(0);
    expect(pairFeatures("Violent crime in the city centre did not fall.", "Violent crime in the city centre fell.").negation).toBe(1);
    expect(pairFeatures("87 percent of members voted to turn down the offer.", "87% of members rejected the pay offer.").negation).toBe(0);
    // English "men" joins no clauses (Swedish "men", but, is left out).
    expect(pairFeatures("A jury of seven men and five women was sworn in.", "The jury of seven women and five men was sworn in.").figuresSwapped).toBe(1);
  });

  it("reads a plan against its deed, halves of a year, set scores in order, and more units and shares (the sixteenth set's errors)", () => {
    // A plan and its deed are two claims; two plans, or a plan restated, are one.
    expect(pairFeatures("The government published its rail strategy in the spring.", "The government says it will publish a rail strategy in the spring.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("Provinciale Staten hebben het plan op 18 december goedgekeurd.", "Het plan moet nog door Provinciale Staten worden goedgekeurd.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("Les chiffres seront publiés à la mi-février.", "Les chiffres ont été publiés à la mi-février.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("Proposals will be published by the summer, the minister said.", "The government would publish proposals by the summer.").plannedAgainstDone).toBe(0);
    // "Heat-related" is no verb in a past form; "the plan" is no word of plan.
    expect(pairFeatures("Shade would reduce heat-related admissions by 12%.", "Heat-related admissions fell 12%.").plannedAgainstDone).toBe(0);
    // Ordinals in other languages, by their value.
    expect(pairFeatures("Verdal est le deuxième employeur privé de Montclair.", "Verdal est le premier employeur privé de Montclair.").ordinal).toBe(1);
    expect(pairFeatures("Verdal is Montclair's second-largest private employer.", "Verdal est le deuxième employeur privé de Montclair.").ordinal).toBe(0);
    expect(pairFeatures("First ore is now expected in the first half of 2028.", "First ore is due in the second half of 2028.").period).toBe(1);
    expect(pairFeatures("Copper output fell 14% in the second quarter.", "Copper output fell 14% in the first half.").period).toBe(1);
    expect(normaliseNumbers("underlying half-year profit")).toBe("underlying 0.5 years profit");
    // Each set is won by either player: the order of the sets is the score.
    expect(pairFeatures("Varga beat Holm 6-4 3-6 7-5 in the final.", "Varga beat Holm 6-4 6-3 7-5 in the final.").score).toBe(1);
    expect(pairFeatures("Varga beat Holm 6-4 3-6 7-5 in the final.", "Varga won the final 6-4, 3-6, 7-5.").score).toBe(0);
    expect(normaliseNumbers("a winning time of 3min 58.4sec, or 3:58.4")).toBe("a winning time of 238.4 seconds, or 238.4 seconds");
    expect(normaliseNumbers("gusts of 40 mph over 3,400 hectares")).toBe("gusts of 64.4 km/h over 34 square km");
    expect(normaliseNumbers("95.000 hectáreas")).toBe("950 square km");
    expect(normaliseNumbers("två av tre patienter, two of three patients, one of 14 members")).toBe("66.7 percent patienter, 66.7 percent patients, 1 of 14 members");
    // A hedge kept when its fraction is read; millions of homes, not metres.
    expect(normaliseNumbers("reculé de plus d'un tiers")).toBe("reculé de plus de 33.3 percent");
    expect(figuresOf("Some 22m homes, the 100m hurdles")).toEqual(new Set([22_000_000, 100]));
    expect(same("About 22 million households are on tariffs linked to the cap.", "Some 22m homes have energy tariffs tied to the price cap.")).toBe(true);
  });

  it("reads other languages' futures and months, a year as a bound word, the past twelve months, and asides that deny nothing (the seventeenth set's errors)", () => {
    expect(pairFeatures("La Junta anunció que a partir del 1 de enero levantará las restricciones al riego.", "La Junta levantó el martes las restricciones al riego.").plannedAgainstDone).toBe(1);
    // "Could be funded" is no deed; a forecast restated is no plan against a deed.
    expect(pairFeatures("Planning departments could be properly funded.", "Planning departments should be properly funded.").plannedAgainstDone).toBe(0);
    expect(pairFeatures("La cooperativa calcula que se recogerán unas 38.000 toneladas.", "La cooperativa prevé recoger unas 38.000 toneladas, cuando el año pasado se recogieron 69.000.").plannedAgainstDone).toBe(0);
    expect(normaliseNumbers("Hace doce meses, la cuenca estaba al 27 %.")).toBe("Hace 1 year, la cuenca estaba al 27 percent.");
    expect(pairFeatures("The Fiscal Council expects growth of 1.9% next year and 1.7% in 2028.", "The Fiscal Council is forecasting 1.7% growth next year and 1.9% in 2028.").figuresSwapped).toBe(1);
    expect(pairFeatures("The plant lost more than £1 million a day last year.", "The plant's losses ran at £1.1m a day over the past year.").period).toBe(0);
    expect(pairFeatures("The plant had been losing £1.1m every day over the past twelve months.", "The site had lost £1.1 million a day over the past year.").figuresDisagree).toBe(0);
    expect(pairFeatures("Fuel duty has been frozen for another year.", "Fuel duty will remain frozen for another twelve months.").figureOnOneSide).toBe(0);
    expect(figuresOf(normaliseNumbers("program wart 1,5 mld zł"))).toEqual(new Set([1_500_000_000]));
    expect(pairFeatures("Professor Tomas Greer described the study as careful work.", "Tomas Greer, a professor not involved in the work, called it a careful study.").negation).toBe(0);
    // A comparison is no side: "compared with 19 per cent" against "against 19%".
    expect(pairFeatures("Rents have risen 28 per cent, compared with 19 per cent nationally.", "Rents are up 28%, against 19% nationally.").antonyms).toBe(0);
    expect(pairFeatures("Fourteen MPs voted with the government.", "Fourteen MPs voted against the government.").antonyms).toBe(1);
  });

  it("reads times of day against each other, hours and minutes, thousands of hectares, 'seven-in-ten', 'three times the figure' and 'is expected to' (the eighteenth set's errors)", () => {
    expect(pairFeatures("The alarm was raised at 4.30 a.m., and the first crews arrived about twenty minutes later.", "O alerta foi dado às 3h40, e as primeiras equipas chegaram cerca de vinte minutos depois.").figuresDisagree).toBe(1);
    // An approximate time is met within half an hour; "6:30 in the evening" is 18:30.
    expect(pairFeatures("The strongest gust was recorded at Lanmore Point at 4:10 a.m.", "The strongest gust was recorded at Lanmore Point shortly after 4am.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("from 6:30 in the evening")).toBe("from t1830");
    expect(pairFeatures("The meeting started at 19:00 and ran for roughly an hour and 20 minutes.", "The meeting began at 7 p.m. and lasted about 80 minutes.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("cerca de 31 mil hectares")).toBe(normaliseNumbers("around 31,000 hectares").replace("around", "cerca de"));
    expect(normaliseNumbers("a seven-in-ten chance; almost three times the figure")).toBe("a 70 percent chance; almost rose 200 percent");
    expect(pairFeatures("Admissions nearly tripled on the same week last year, to 1,140.", "There were 1,140 admissions, almost three times the figure for the same week last year.").figuresDisagree).toBe(0);
    // The figure of "in the half," is the half-year, no share of 50 percent.
    expect(normaliseNumbers("18.6 million passengers in the half, up 9 percent")).toBe("18.6 million passengers in the hlf, up 9 percent");
    expect(pairFeatures("Helen Okafor is expected to be confirmed as council leader on 21 May.", "Helen Okafor was confirmed as council leader on 21 May.").plannedAgainstDone).toBe(1);
  });

  it("reads spans and measures in other words and languages, shares before a change, a night's rate, and short verbs planned and done (the nineteenth set's errors)", () => {
    expect(normaliseNumbers("a day and a half before")).toBe(normaliseNumbers("36 hours before"));
    expect(normaliseNumbers("średnio 6,5 godziny")).toBe("średnio 390 minutes");
    expect(normaliseNumbers("wyniósł 9 godzin i 40 minut; circa un'ora e venti minuti")).toBe("wyniósł 580 minutes; circa 80 minutes");
    expect(normaliseNumbers("over 15cm of rain, more than 150 millimetres")).toBe("over 0.15 metres of rain, more than 0.15 metres");
    expect(normaliseNumbers("for more than two centuries")).toBe("for more than 200 years");
    expect(normaliseNumbers("610 nautical miles")).toBe("1129.7 km");
    expect(normaliseNumbers("a roughly two-thirds fall; one in every 12 admissions")).toBe("a roughly 66.7 percent fall; 8.3 percent admissions");
    expect(pairFeatures("Each of those beds costs the NHS around £400 a night.", "Each of those beds costs the NHS around £400 a week.").rate).toBe(1);
    expect(pairFeatures("The council will vote on its budget on 19 February.", "The council voted on its budget on 19 February.").plannedAgainstDone).toBe(1);
  });

  it("reads an hour in words in either half of the day, 'an eighth', lap times to the thousandth, what a figure is per, 'expects' as a plan, Swedish directions and a date moved forward or back (the twentieth set's errors)", () => {
    // "Quarter past ten" with no part of the day may be 10.15pm; "quarter past ten in the morning" may not.
    expect(normaliseNumbers("at quarter past ten; halb sieben; half vijf")).toBe("at w1015; w0630; w0430");
    expect(pairFeatures("The title fight began around 30 minutes late at 10.15pm.", "Okoro v Haldane started at quarter past ten, almost half an hour behind schedule.").figuresDisagree).toBe(0);
    expect(pairFeatures("The fight began at 10.15pm.", "The fight began at quarter past ten in the morning.").figuresDisagree).toBe(1);
    expect(pairFeatures("The fight began at 10.15pm.", "The fight began at half past ten.").figuresDisagree).toBe(1);
    // Two approximate figures within 5 %: "about an eighth" (12.5) and "around 12 per cent".
    expect(normaliseNumbers("about an eighth lower")).toBe("about 12.5 percent lower");
    expect(pairFeatures("Wheat yields are down by around 12 per cent on last year.", "Wheat yields are about an eighth lower than last year.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("a 1:34.207 on lap 98")).toBe(normaliseNumbers("1 minute 34.207 seconds on lap 98").replace(/^/u, "a "));
    expect(pairFeatures("Milling wheat is earning a £30 premium per tonne.", "Milling wheat is earning a £30 premium per hectare.").rate).toBe(1);
    expect(pairFeatures("Fines are £40 per head.", "Fines are £40 per person.").rate).toBe(0);
    expect(pairFeatures("The trust expects a £6.8 million deficit for the year.", "The trust made a deficit of £6.8 million for the year.").plannedAgainstDone).toBe(0);
    expect(pairFeatures("The trust expects to publish its accounts in June.", "The trust published its accounts in June.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("Förra året höjdes sillkvoten i Norrvik med 10 procent.", "Förra året sänktes kvoten med 10 procent.").direction).toBe(1);
    expect(pairFeatures("The company will now bring the work forward to next year.", "The company has put back the work from next year to 2029.").antonyms).toBe(1);
  });

  it("reads a shared time of day, hours in words, minutes into a period, hyphenated shares, Polish numbers, a difference as a shared figure, short verbs planned and done, a date after 'from' (the twenty-first set's errors)", () => {
    // A time of day they share lets claims in two languages be on one topic.
    expect(pairFeatures("Die letzten Fahrgäste erreichten gegen 18.30 Uhr sicher den Boden.", "The last passengers reached the ground at about 6.30pm.").sharedTime).toBe(1);
    expect(same("Die letzten Fahrgäste erreichten gegen 18.30 Uhr sicher den Boden.", "The last passengers reached the ground at about 6.30pm.")).toBe(true);
    expect(same("Die letzten Fahrgäste erreichten gegen 18.30 Uhr sicher den Boden.", "The last passengers reached the ground at about 9.30pm.")).toBe(false);
    expect(normaliseNumbers("after one in the morning; from six in the evening; half past seven in the morning; before 10 o'clock in the morning; at ten o'clock")).toBe(
      "after t0100; from t1800; t0730; before t1000; at w1000",
    );
    expect(normaliseNumbers("the winner 2:41 into overtime")).toBe(normaliseNumbers("the winner 2 minutes 41 seconds into overtime"));
    expect(normaliseNumbers("roughly three-quarters full; grown by two-thirds under; five quarters in a row")).toBe("roughly 75 percent full; grown by 66.7 percent under; 5 consecutive quarter");
    expect(normaliseNumbers("po ponad trzech miesiącach")).toBe("po ponad 3 miesiącach");
    expect(pairFeatures("Eastmere's profits rose by £24m last year.", "Eastmere Terminals increased its pre-tax profit from £118m to £142m last year.").sharedFigure).toBe(1);
    expect(pairFeatures("Trentside said it would fit side cameras to all 46 of its lorries.", "Trentside had since fitted side cameras to all 46 of its lorries.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("Electricity will cost 27.9p per kilowatt hour.", "Electricity costs 27.9p per kWh under the new cap.").rate).toBe(0);
    expect(pairFeatures("The price cap is going up by 7.4% in January.", "Household energy price cap to fall 7.4% from 1 January.").direction).toBe(1);
    expect(pairFeatures("Some suppliers offer fixed deals at £1,790 a year, cheaper than the cap.", "Some suppliers offer fixed deals at £1,790 a year, more expensive than the cap.").antonyms).toBe(1);
    // A date is no start: "from 1 June" against "from £2 to £2.40".
    expect(pairFeatures("The fare rises from £2 to £2.40 on 1 June.", "From 1 June, a single will cost £2.40 instead of £2.").startAndEnd).toBe(0);
  });

  it("reads a share of a whole as its count, minutes past an hour in words, compass points, a place moved from and to, an ordinal before a superlative, a wish as a plan (the twenty-second set's errors)", () => {
    // "A third of the 6,240" states about 2,080; "a quarter of the 48 cables" 12; "a third of whom", of the figure before.
    // (Not "about 2,100" of 6,240, which reads as a year.)
    expect(pairFeatures("About 2,200 of the participants began wearing hearing aids during the study.", "Roughly a third of the 6,540 participants started using hearing aids during the study.").figuresDisagree).toBe(0);
    expect(pairFeatures("About 2,200 of the participants began wearing hearing aids during the study.", "Roughly a third of the 6,540 participants started using hearing aids during the study.").sharedFigure).toBe(1);
    expect(pairFeatures("About 3,000 of the participants began wearing hearing aids.", "Roughly a third of the 6,540 participants started using hearing aids.").figuresDisagree).toBe(1);
    expect(pairFeatures("The region has about 19,000 unemployed young people, around a third of whom have been out of work for more than six months.", "About 19,000 young people are unemployed in the region, roughly 6,300 of them for more than six months.").figuresDisagree).toBe(0);
    // "Une corrosion avancée sur 12 des 48 câbles" is 12 of the 48, not one in twelve.
    expect(normaliseNumbers("a révélé une corrosion avancée sur 12 des 48 câbles")).toBe("a révélé 1 corrosion avancée sur 12 des 48 câbles");
    expect(pairFeatures("An inspection found advanced corrosion on a quarter of the bridge's 48 cables.", "An inspection found advanced corrosion on 12 of the 48 cables.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("at twenty past four in the morning; at ten to six in the evening; five past nine")).toBe("at t0420; at t1750; w0905");
    expect(pairFeatures("Keepers saw the cubs being born at twenty past four in the morning on 11 July.", "Keepers watched the birth at 4.20am on 11 July.").figuresDisagree).toBe(0);
    expect(pairFeatures("Converting to LED lamps, already done in the north of the county, cut energy use there by 55%.", "LED conversion in the south of the county cut energy use by 55%.").antonyms).toBe(1);
    expect(pairFeatures("A consultation on moving one engine from Eastwick to Cold Ashby opens on 12 January.", "A consultation on moving an engine from Cold Ashby to Eastwick begins on 12 January.").swappedDetail).toBe(1);
    expect(pairFeatures("A consultation on moving one engine from Eastwick to Cold Ashby opens on 12 January.", "A consultation on moving an engine from Eastwick to Cold Ashby begins on 12 January.").swappedDetail).toBe(0);
    expect(pairFeatures("Sales rose 14%, making it the best-selling small car in the home market.", "Sales rose 14%, making it the third best-selling small car in the home market.").ordinal).toBe(1);
    expect(pairFeatures("Sales rose 14%, making it the third best-selling small car.", "Sales rose 14%, making it the third best-selling small car.").ordinal).toBe(0);
    expect(pairFeatures("Firefighters installed nearly 6,500 free smoke alarms last year and aim to fit 8,000 this year.", "Crews fitted 6,480 free alarms, and the service wants to reach 8,000 this year.").plannedAgainstDone).toBe(0);
    expect(pairFeatures("The budget includes a £3.2m grant that ministers have said will be paid every year.", "The budget includes £3.2m from a one-off government grant.").antonyms).toBe(1);
  });

  it("reads scales and units in other words, a span after 'over', held figures in more languages, 'all' against a part, opening hours, 'the third' as an ordinal (the twenty-third set's errors)", () => {
    // "Over four years" is a span, not a bound ("over 2,000").
    expect(pairFeatures("Its dropout rate has fallen from 11% to 7% in four years.", "Its dropout rate has dropped four percentage points to 7% over four years.").wordsOppose).toBe(0);
    expect(pairFeatures("Its dropout rate has fallen to 7%.", "Its dropout rate is over 7%.").wordsOppose).toBe(1);
    // Thousands and millions in Polish, Italian, Dutch, Swedish and Portuguese words.
    expect(pairFeatures("W przyszłym roku gmina chce wydać 150 000 zł na odtworzenie oczek wodnych.", "Gmina przeznaczy w przyszłym roku 150 tys. zł na odtworzenie oczek wodnych.").figuresDisagree).toBe(0);
    expect(pairFeatures("I ricavi hanno raggiunto 4,3 milioni di euro.", "Ticket revenue reached €4.3m.").figuresDisagree).toBe(0);
    expect(pairFeatures("De schade bedroeg 2,4 miljoen euro.", "The damage came to €2.4m.").figuresDisagree).toBe(0);
    // Pence as pounds, cubic metres as litres.
    expect(pairFeatures("The price of a standard sausage roll has gone up by 10p to £1.35.", "A standard sausage roll now costs £1.35, up from £1.25.").figuresDisagree).toBe(0);
    expect(pairFeatures("A second storage pond holds 60,000 cubic metres of water.", "A second water storage pond has a capacity of 60 million litres.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("zmniejszyła się o około jedną trzecią")).toBe("zmniejszyła się o około 33.3 percent");
    // A decimal "m" is millions ("£1.1m") but for a length: "lost 1.8m of land".
    expect(pairFeatures("The cliffs lost an average of 1.8 metres of land last year.", "The cliffs lost 1.8m of land on average last year.").figuresDisagree).toBe(0);
    // A difference only of figures that measure alike: "within 30 metres … within 20 years" states no 10.
    expect(pairFeatures("Homes within 30 metres of the edge could be at risk within 20 years.", "Homes within 30 metres of the edge could be lost within 10 years.").figuresDisagree).toBe(1);
    expect(pairFeatures("Eastmere's profits rose by £24m last year.", "Eastmere increased its profit from £118m to £142m last year.").sharedFigure).toBe(1);
    // "All 12" is no part of them: "11 of the country's 12".
    expect(pairFeatures("Unipost missed its first-class target in all 12 postal regions.", "Unipost missed its first-class target in 11 of the country's 12 postal regions.").figuresDisagree).toBe(1);
    expect(pairFeatures("Unipost missed its target in all 12 regions.", "Unipost missed its target in all of its 12 regions.").figuresDisagree).toBe(0);
    // Opening hours on the 24-hour clock with a dot, as a range.
    expect(normaliseNumbers("de lunes a sábado de 10.00 a 21.00")).toBe("de lunes a sábado de t1000 a t2100");
    expect(normaliseNumbers("prices from 1.25 to 1.35")).toBe("prices from 1.25 to 1.35");
    // Held against moved, in Italian; "frozen at" against "gone up to".
    expect(pairFeatures("L'occupazione media della sala per l'opera è salita all'87%.", "L'opera è rimasta stabile, con un'occupazione media della sala dell'87%.").direction).toBe(1);
    expect(pairFeatures("Stall rents at the market hall have gone up to £85 a week.", "Stall rents have been frozen at £85 a week.").direction).toBe(1);
    // "The third set" is an ordinal, "a third of" a share.
    expect(normaliseNumbers("in the third set; a third of voters")).toBe("in the third set; 33.3 percent of voters");
    expect(pairFeatures("Harriers lost the third set 25-21.", "Harriers lost the fourth set 25-21.").ordinal).toBe(1);
  });

  it("reads spans by their unit, a quarter of an hour or a year, ranges with one unit, quarter millions, French teens, a count's whole, two parts of one whole, the span an ordinal counts, closed meetings, part-time and revenue against profit, and periods in other languages (the twenty-fourth set's errors)", () => {
    // Four months are not four weeks, though both are 4; "a two-day strike" still restates "a 48-hour strike".
    expect(pairFeatures("Work closed the coast road for four months last year.", "Work closed the coast road for four weeks last year.").measure).toBe(1);
    expect(pairFeatures("It was a two-day strike.", "It was a 48-hour strike.").measure).toBe(0);
    expect(pairFeatures("Delivery has been delayed by about fifteen months.", "Delivery has been delayed by roughly a year and a quarter.").figuresDisagree).toBe(0);
    expect(pairFeatures("They stopped playing in the final quarter of an hour.", "They stopped playing in the last fifteen minutes.").figuresDisagree).toBe(0);
    // "From 14 to 19 weeks" is from 14 weeks, so it rose by five.
    expect(pairFeatures("The average wait for a test rose by five weeks in a year.", "Average test waits have risen from 14 to 19 weeks over the past year.").figuresDisagree).toBe(0);
    expect(pairFeatures("Handhaving zou ongeveer 250.000 euro per jaar kosten.", "Handhaving zou ongeveer een kwart miljoen euro per jaar kosten.").figuresDisagree).toBe(0);
    expect(pairFeatures("It would cost a quarter of a million pounds.", "It would cost £250,000.").figuresDisagree).toBe(0);
    expect(pairFeatures("Residents now travel 18 km to collect their medicines.", "Les habitants parcourent dix-huit kilomètres pour chercher leurs médicaments.").figuresDisagree).toBe(0);
    // A share of a counted whole keeps its count: "96 of 212" states 96, as "96 of the 212" does.
    expect(pairFeatures("It could fund only 96 of 212 applicants.", "It could fund only 96 of the 212 organisations that applied.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("7 out of 10 patients")).toBe("70 percent patients");
    // Two parts of one whole, unless one is the rest of it.
    expect(pairFeatures("Engineers found cracks in two of its five decks.", "Engineers found cracks in three of the five decks.").figuresDisagree).toBe(1);
    expect(pairFeatures("Change was recorded at 53 of the 62 monitoring points.", "Only 9 of the 62 monitoring points showed no change.").figuresDisagree).toBe(0);
    expect(pairFeatures("The inquiry is in its third week.", "The inquiry is in its third day.").ordinal).toBe(1);
    expect(pairFeatures("It goes on sale on the first day of each month.", "It goes on sale on the first of every month.").ordinal).toBe(0);
    expect(pairFeatures("It was approved at a closed meeting last month.", "It was agreed at a public meeting last month.").antonyms).toBe(1);
    expect(pairFeatures("It employs 3,300 staff, most of them full-time.", "It employs 3,300 people, most of them part-time.").antonyms).toBe(1);
    expect(pairFeatures("Starlight's revenue for the year was £14.6 million.", "Starlight made a pre-tax profit of £14.6 million last year.").antonyms).toBe(1);
    expect(pairFeatures("Le chiffre d'affaires a reculé de 6 % en deux ans.", "Le chiffre d'affaires a baissé de 6 % en un an.").period).toBe(1);
  });

  it("reads a change in percent from two figures, a move against a level held only when the other claim states none, a span ahead against one past, seasons as years, past wishes and agreements as plans, and Italian shares with words between (the twenty-fifth set's errors)", () => {
    expect(pairFeatures("The fine against Greystone was cut by a third for its early guilty plea.", "Greystone's fine was reduced from £270,000 to £180,000 for its early guilty plea.").figuresDisagree).toBe(0);
    expect(pairFeatures("The ice season has shortened by 19 days, from 131 days to 112.", "The ice season fell from 131 days to 112 days, a loss of 19 days.").figuresDisagree).toBe(0);
    // A claim whose figures rose and held states both; "stays at" holds a level, "frozen" too.
    expect(pairFeatures("Can volumes rose by nearly 25%, while draught sales held steady.", "Can volumes climbed by almost a quarter, while draught sales were flat.").wordsOppose).toBe(0);
    expect(pairFeatures("The annual pass rises to £120.", "The annual pass stays at £120.").wordsOppose).toBe(1);
    expect(pairFeatures("Fees have been frozen at £9,250 since 2017, and their real value has fallen by a quarter.", "Fees have stayed at £9,250 since 2017, losing 25% of their value.").wordsOppose).toBe(0);
    expect(pairFeatures("It plans to spend £4.2 million over the next three years on insulation grants.", "It has spent £4.2 million over the past three years on insulation grants.").period).toBe(1);
    expect(pairFeatures("The government will spend 4.8 billion crowns over six years.", "Over the next six years, the government plans to invest 4.8 billion crowns.").period).toBe(0);
    expect(pairFeatures("It plans to cut about 180 jobs over the next eighteen months.", "It plans to shed around 180 jobs in the next year and a half.").period).toBe(0);
    expect(pairFeatures("Its concerts sold 71,000 tickets last season.", "Its concerts sold 71,000 tickets over the past five seasons.").period).toBe(1);
    expect(pairFeatures("She had won 19 of her 20 previous matches this season.", "She had lost just once in 20 matches this year.").period).toBe(0);
    expect(pairFeatures("Haldane said it also wanted to replace its Land Rover at a cost of £70,000.", "The team has replaced its Land Rover at a cost of £70,000.").plannedAgainstDone).toBe(1);
    expect(pairFeatures("The company has agreed to plant 90 oaks on the site.", "Greystone has planted 90 oaks on the site.").plannedAgainstDone).toBe(1);
    expect(normaliseNumbers("Un edificio scolastico su tre risale a prima del 1974.")).toBe("33.3 percent edificio scolastico risale a prima del 1974.");
  });

  it("reads largest against smallest, severe against moderate, a conviction against an acquittal, bail against custody, volume against value, households against people, members against staff, exceeding against falling below, and a part of a whole as the share it makes (the twenty-sixth set's errors)", () => {
    const opposed: Array<[string, string]> = [
      ["Its largest site, at Pennard, will close next year with the loss of 85 jobs.", "The smallest of them, at Pennard, will close next year with the loss of 85 jobs."],
      ["The trial enrolled 268 adults aged 50 to 84 with severe COPD.", "The trial involved 268 adults aged 50 to 84 with moderate COPD."],
      ["Pyne was also convicted of attempting to sell a protected species.", "It cleared him of a separate charge of attempting to sell a protected species."],
      ["The judge adjourned sentencing until 16 January and granted Pyne bail.", "The judge remanded Pyne in custody until he is sentenced on 16 January."],
      ["Own-label brands account for nearly a third of the market by volume.", "Own-label products make up almost a third of the market by value."],
      ["In all, 483 people bought shares in the shop.", "The share offer attracted investors from 483 households."],
      ["The cooperative has 1,140 employees, most of them in the north.", "De coöperatie telt 1.140 leden, vooral in het noorden."],
      ["Hourly pay has risen by about 6 per cent since 2022, well below inflation.", "Hourly pay has risen about 6% since 2022, outpacing inflation."],
      ["Le sac de 15 kilos dépasse désormais 8 euros.", "Un sac de 15 kg coûte désormais moins de 8 euros."],
    ];
    for (const [a, b] of opposed) expect({ a, antonyms: pairFeatures(a, b).antonyms }).toEqual({ a, antonyms: 1 });
    // "Under" also heads a phrase ("under the new system"): only "below" stands against exceeding; staff members are staff.
    expect(pairFeatures("Under the new system, graduates repay when they earn more than 28,000 crowns.", "Graduates repay once their salary exceeds 28,000 crowns.").antonyms).toBe(0);
    expect(pairFeatures("The library has 14 members of staff.", "The library employs 14 staff.").antonyms).toBe(0);
    // A part of a whole meets the share it makes, with words between or "from" its tries.
    expect(pairFeatures("Clarke converted more than 95 per cent of her shots in the final.", "Clarke scored 44 goals from 46 attempts in the final.")).toMatchObject({ sharedFigure: 1, figuresDisagree: 0 });
    expect(pairFeatures("483 of Hethercott's roughly 1,100 residents bought shares.", "About 44 per cent of Hethercott's residents invested in the shop.")).toMatchObject({ sharedFigure: 1, figuresDisagree: 0 });
    expect(pairFeatures("483 of Hethercott's roughly 1,100 residents bought shares.", "About 60 per cent of Hethercott's residents invested in the shop.").figuresDisagree).toBe(1);
  });

  it("reads 'nor', 'not including' and 'excluding' as denials, a denial past 'yet' and 'any', 'barely changed' as held, and Polish more, fewer, larger and smaller (the twenty-seventh set's errors)", () => {
    const cases: FeatureCase[] = [
      ["negation", "Nor did it include children's appointments.", "The trial included children's appointments.", 1],
      ["negation", "The average client owed £14,200 including mortgages.", "The average client owed £14,200, not including mortgages.", 1],
      ["negation", "Clients owed an average of £14,200 excluding mortgages.", "The average client owed £14,200, not including mortgages.", 0],
      ["negation", "Average earnings, excluding bonuses, rose 4.1 percent.", "Average earnings, including bonuses, rose 4.1 percent.", 1],
      ["negation", "The council has not yet committed any money to the next phase.", "The council has put money towards the next phase.", 1],
      // A contrast still names who, and denies nothing: "Europe, not the US".
      ["negation", "Europe, not the US, should pay for it.", "Europe should pay for it.", 0],
      ["wordsOppose", "Only about 27 percent of items were reunited with their owners, a rate that has barely changed in five years.", "About 27 percent of items were returned to their owners, a rate that has risen steadily over five years.", 1],
      ["wordsOppose", "Burials went up by about 15 percent after 2020, while cremations stayed flat.", "Since 2020, burials have risen by around 15% while cremations have not changed.", 0],
      ["antonyms", "Volunteers counted 214 stork nests this year, 17 more than five years ago.", "W gminie doliczono się 214 gniazd bociana, o 17 mniej niż przed pięcioma laty.", 1],
      ["antonyms", "The ice surface covers 1,200 square metres, a third smaller than last year's.", "Tafla ma 1200 metrów kwadratowych i jest o jedną trzecią większa niż w ubiegłym roku.", 1],
    ];
    expectFeatures(cases);
  });

  it("reads Polish thousands, three fifths unhyphenated, and half a decade or a century as years (the twenty-seventh set's misses)", () => {
    expect(normaliseNumbers("W poprzednim sezonie lodowisko odwiedziło w sumie 62 tysiące osób.")).toBe("W poprzednim sezonie lodowisko odwiedziło w sumie 62 thousand osób.");
    expect(pairFeatures("MOSiR liczy, że w tym roku będzie ich co najmniej 70 tysięcy.", "MOSiR spodziewa się w tym sezonie co najmniej 70 tys. odwiedzających.").figuresDisagree).toBe(0);
    expect(pairFeatures("Noise complaints dropped by three fifths in the year after the ban.", "Complaints about noise fell by 60 percent the following year.").figuresDisagree).toBe(0);
    expect(normaliseNumbers("They have won five quarters in a row.")).not.toContain("percent");
    expect(pairFeatures("Half a decade ago, roughly 25% of the charity's clients were in work.", "Five years ago the share was about one in four.")).toMatchObject({ figuresDisagree: 0, period: 0 });
    expect(normaliseNumbers("She has lived there for more than half a century.")).toBe("She has lived there for more than 50 years.");
  });

  it("reads a word against its own negative, widening against narrowing, sons against daughters, the world against a country, a country against a county, jointly against entirely, and a near copy with one word put in the place of another (the twenty-eighth set's errors)", () => {
    const cases: FeatureCase[] = [
      ["antonyms", "Only 12 per cent said they liked being asked.", "Only 12 per cent of people said they disliked being asked to tip.", 1],
      ["antonyms", "Most members thought the plan likely to pass.", "Most members thought the plan unlikely to pass.", 1],
      ["antonyms", "At six months the gap between the two groups had widened to 0.1 points.", "At six months the gap had narrowed further, to 0.1 points.", 1],
      ["antonyms", "He advertised the hen as the proven daughter of a champion.", "He advertised the cock bird as the proven son of a champion.", 1],
      ["antonyms", "The lights went in after a boy was hit in 2016.", "The lights were installed after a girl was hit by a car in 2016.", 1],
      ["antonyms", "Okonjo is ranked 47th in the world.", "Okonjo is ranked 47th in the country.", 1],
      ["antonyms", "Vargar dödade cirka 420 älgar i Norrmarks län förra året.", "Vargar dödade cirka 420 älgar i hela landet förra året.", 1],
      ["antonyms", "The tunnels were paid for entirely by the developer of 420 new homes.", "They were paid for jointly by the county council and a developer building 420 homes nearby.", 1],
      // The same word in both, or a negative that is its own word ("discount" is no "count"), opposes nothing.
      ["antonyms", "The men's and women's finals drew 4,000 people.", "Some 4,000 people watched the women's and men's finals.", 0],
      ["antonyms", "Shoppers counted on a 10 per cent discount.", "Shoppers were promised a 10 per cent discount.", 0],
      ["antonyms", "The union said the cuts were unfair.", "The union called the cuts unfair and unnecessary.", 0],
      // A denial says what the negative form does; "income" is no negative of "come".
      ["antonyms", "Passengers are owed 40 million crowns in compensation that has not been claimed.", "Passengers were owed an estimated 40 million crowns in unclaimed compensation.", 0],
      ["antonyms", "£25 million will come from a government fund.", "Twenty-five million comes from a government fund, and the rest from fare income.", 0],
      ["swappedWord", "In the clinic group, 14 per cent missed at least half their appointments.", "In the app group, 14 per cent missed at least half their appointments.", 1],
      ["swappedWord", "The National Pigeon Racing Council received 37 complaints about pigeon sales last year.", "The National Pigeon Racing Council received 37 complaints about online sales last year.", 1],
      ["swappedWord", "Restwell's total dividend for the year is 5.6p a share.", "Restwell's final dividend for the year is 5.6p a share.", 1],
      // Not when the word names who (a pronoun or a body against a name) or one direction.
      ["swappedWord", "The company cut 140 jobs at its Leeds plant last year.", "Nordmetall cut 140 jobs at its Leeds plant last year.", 0],
      ["swappedWord", "We spent £2 million on the new ward in 2023.", "Brennock spent £2 million on the new ward in 2023.", 0],
      ["swappedWord", "Sales fell 4 per cent in the third quarter.", "Sales dropped 4 per cent in the third quarter.", 0],
      // A figure changed is the figures' reading, and a free rewording no copy.
      ["swappedWord", "The council spent £27,500 on fridges in the first year.", "The council spent £31,000 on fridges in the first year.", 0],
      ["swappedWord", "A trial found that an exercise app cut knee pain about as much as physiotherapy.", "An app that guides people with knee arthritis through exercises reduced pain as much as seeing a physiotherapist, a trial found.", 0],
    ];
    expectFeatures(cases);
  });

  it("reads other languages' days as minutes, a hundred and a thousand, the half-million mark and a bare third (the twenty-eighth set's misses)", () => {
    const agreeing: Array<[string, string]> = [
      ["« Un seul feu de ce type mobilise plus de 150 pompiers pendant deux jours. »", "A single fire like that ties up more than 150 firefighters for two days."],
      ["Under de första fem dagarna får endast kalvar fällas.", "Under jaktens första fem dagar får bara kalvar skjutas."],
      ["Greyfield has almost a hundred rabbits on site.", "The rescue is caring for 96 rabbits."],
      ["Nearly a thousand people signed the petition.", "The petition has 980 signatures."],
      ["Bids went past £500,000 within 12 minutes.", "Bidding passed the half-million mark within twelve minutes."],
      ["A further 34 per cent said they would switch to treating pets.", "Another third said they would move to pet practice."],
    ];
    for (const [a, b] of agreeing) expect({ a, ...pairFeatures(a, b) }).toMatchObject({ a, sharedFigure: 1, figuresDisagree: 0 });
    expect(normaliseNumbers("A hundred thousand people marched.")).toBe("100 thousand people marched.");
  });

  it("reads a rate's span in Polish, Swedish, Dutch, Italian and Spanish words, keeping against scrapping, cheaper against costing more, a decision to come against one taken in Spanish and Portuguese; a near copy's change of a short word or of a word's form is no swapped word (the twenty-ninth set's errors)", () => {
    const cases: FeatureCase[] = [
      ["rate", "Bary wydają łącznie około 1400 obiadów dziennie.", "Trzy bary wydają razem około 1400 obiadów tygodniowo.", 1],
      ["rate", "Stugan hyrs ut för 900 kronor om dagen.", "Stugan hyrs ut för 900 kronor i veckan.", 1],
      ["rate", "De fietsenstalling kost 1,50 euro per dag.", "De fietsenstalling kost 1,50 euro per maand.", 1],
      ["rate", "Il parcheggio costa 12 euro al giorno.", "Il parcheggio costa 12 euro al mese.", 1],
      ["rate", "El abono cuesta 40 euros al mes.", "El abono cuesta 40 euros al año.", 1],
      ["rate", "Bary wydają około 1400 obiadów dziennie.", "Three milk bars serve about 1,400 lunches a day.", 0],
      ["antonyms", "A survey found that 58% of adults want to keep changing the clocks.", "A survey found that 58 per cent of adults would scrap the change.", 1],
      ["antonyms", "Park trees are cheaper, at around £150 each.", "Park trees cost the council more than street trees, at around £150 each.", 1],
      ["plannedAgainstDone", "El consorcio decidirá en julio si amplía el servicio a las noches de los viernes.", "El consorcio ya ha decidido ampliar el servicio nocturno a los viernes.", 1],
      ["plannedAgainstDone", "O município decidirá em março se alarga o horário.", "O município já decidiu alargar o horário.", 1],
      ["swappedWord", "If an unchipped cat is found, the owner will be given 21 days to have it chipped.", "Owners of an unchipped cat that is found will have three weeks to get it chipped.", 0],
      ["swappedWord", "In some streets, over a third of the newly planted trees have been lost.", "In some streets, more than a third of new trees had been lost.", 0],
    ];
    expectFeatures(cases);
  });

  it("reads minutes and seconds in words, a century as years, and midnight and noon as times (the twenty-ninth set's misses)", () => {
    expect(pairFeatures("Drones that beat the ambulance got there a median of three minutes and forty seconds sooner.", "When a drone arrived first, it did so a median of 3 minutes and 40 seconds ahead of the ambulance.")).toMatchObject({ sharedFigure: 1, figuresDisagree: 0 });
    expect(normaliseNumbers("We have been changing the clocks for more than a century.")).toBe("We have been changing the clocks for more than 100 years.");
    // Midnight and noon as times, "fino alle 24" as midnight.
    expect(pairFeatures("Dal mese di gennaio la fontana verrà illuminata tutte le sere fino alle 24.", "Da gennaio la fontana sarà illuminata ogni sera fino a mezzanotte.")).toMatchObject({ sharedTime: 1, figureOnOneSide: 0 });
    expect(pairFeatures("The bar may stay open until midnight.", "The bar may stay open until 12am.").sharedTime).toBe(1);
    expect(pairFeatures("The market closes at noon on Sundays.", "The market closes at 1pm on Sundays.").figuresDisagree).toBe(1);
  });

  it("reads an hour a week against an hour a day, 'in a week' against 'within 24 hours', a quarter past or to the hour in Dutch, irregular past forms against a plan, and acres against hectares (the thirtieth set's errors)", () => {
    const cases: FeatureCase[] = [
      ["rate", "The change will free up about an hour a week for digital literacy.", "The change will free up about an hour a day for digital literacy.", 1],
      ["rate", "Parking costs £2 an hour.", "Parking costs £2 per hour.", 0],
      ["plannedAgainstDone", "A herd of 30 goats will spend the winter on Cradock Hill.", "A herd of 30 goats has spent the last three winters on Cradock Hill.", 1],
      ["plannedAgainstDone", "The Courier ran his final puzzle last Saturday.", "His final crossword will run in the Courier on Saturday.", 1],
      ["plannedAgainstDone", "The club sold its ground in May.", "The club will sell its ground in May.", 1],
      ["figuresDisagree", "Henry Stokes, who farms 400 acres, took part in the study.", "Henry Stokes, who farms 400 hectares, took part in the study.", 1],
    ];
    expectFeatures(cases);
    expect(normaliseNumbers("om kwart over zeven; om kwart voor 7")).toBe("om w0715; om w0645");
    expect(pairFeatures("Forens Joyce Meijer neemt elke ochtend om kwart over zeven de trein.", "Forens Joyce Meijer neemt elke ochtend om kwart voor zeven de trein.").figuresDisagree).toBe(1);
    expect(pairFeatures("Organisers said the 1,200 seats sold out in a week.", "All 1,200 seats were sold within 24 hours, organisers said.").figuresDisagree).toBe(1);
  });

  it("reads 'unable' and 'failed to' as denials, Dutch, German and Swedish hundreds, 'at least a year', and square feet and acres in metric (the thirtieth set's misses)", () => {
    const cases: FeatureCase[] = [
      ["negation", "One farmer said he couldn't get his tractor out.", "A farmer said he had been unable to get his tractor out.", 0],
      ["negation", "The judge ruled the rules unlawful because the council did not consult properly.", "The judge ruled that the council failed to consult properly.", 0],
      ["negation", "The council failed to consult residents.", "The council consulted residents.", 1],
    ];
    expectFeatures(cases);
    expect(normaliseNumbers("ruim vierhonderd fietsen; dreihundert Meter; tvåhundra bilar")).toBe("ruim 400 fietsen; 300 Meter; 200 bilar");
    expect(pairFeatures("Both names will stay on the postal database for at least a year.", "Both names will remain on the postal database for a minimum of 12 months.")).toMatchObject({ sharedFigure: 1, figureOnOneSide: 0 });
    expect(pairFeatures("The goats were released into an enclosure covering about four hectares of the fort.", "The goats were let into a fenced area of about 10 acres on the fort.")).toMatchObject({ sharedFigure: 1, figuresDisagree: 0 });
    expect(pairFeatures("Each full plot measures about 250 square metres.", "Each full plot measures roughly 2,700 square feet.")).toMatchObject({ sharedFigure: 1, figuresDisagree: 0 });
  });

  it("reads a plan against a deed in Polish and with 'risen', Polish seasons, German months after 'seit', halving in other languages, a unanimous vote against a majority, half-year against annual figures and who outshot whom (the thirty-first set's errors)", () => {
    const cases: FeatureCase[] = [
      ["plannedAgainstDone", "Wykonawca remontu młyna zostanie wybrany w przetargu w lutym.", "Gmina wybrała już wykonawcę remontu młyna.", 1],
      ["plannedAgainstDone", "Flight times have risen from about 20 minutes to as much as 50 since the base was downsized.", "The MP said flight times would rise from about 20 minutes to as much as 50.", 1],
      ["antonyms", "Otwarcie muzeum zaplanowano na jesień 2028 r.", "The mill museum is due to open in spring 2028.", 1],
      ["period", "Seit Anfang des Jahres wurden im Landkreis 46 Schafe von Wölfen gerissen.", "Seit Anfang September sind im Landkreis 46 Schafe gerissen worden.", 1],
      ["period", "Since the start of the year 46 sheep have been killed.", "Since January 46 sheep have been killed.", 0],
      ["figuresDisagree", "Die Zahl der Schafhalter im Landkreis hat sich in zehn Jahren fast halbiert.", "In zehn Jahren ist die Zahl der Schafhalter im Landkreis um fast ein Drittel zurückgegangen.", 1],
      ["antonyms", "Councillors voted unanimously to spend up to £18,000 on a replacement.", "Councillors voted by a narrow majority to spend £18,000 on a replacement mural.", 1],
      ["period", "Harrowgate Paints' annual profit rose 14 per cent.", "Harrowgate Paints reported a 14 per cent rise in half-year profit.", 1],
      ["period", "Halden & Rowe's first-half revenue fell 6% to £142.6m.", "Revenue for the six months to the end of September was £142.6 million, down 6 per cent on the same period last year.", 0],
      ["roles", "Calder outshot the Ravens 34 to 26 over the game.", "The Ravens outshot Calder 34 to 26 over the game.", 1],
    ];
    expectFeatures(cases);
  });

  it("reads 'not that' as a denial, 'no higher than' as a bound, a fortnight as two weeks, 'as likely to' as no plan, hundreds in Italian, Spanish and Portuguese words, and a pronoun or a German noun as no swapped name (the thirty-first set's misses)", () => {
    const cases: FeatureCase[] = [
      ["negation", "Quayle said the study showed where hedgehogs were hanging on, not that they were thriving.", "Quayle said the study showed hedgehogs were thriving in gardens.", 1],
      ["negation", "It must have a moisture content of 20 per cent or less.", "It must have a moisture content no higher than 20%.", 0],
      ["figureOnOneSide", "She died on Sunday, a fortnight after her last performance.", "She died on Sunday, two weeks after her final performance.", 0],
      ["plannedAgainstDone", "Gardens with a gap in the fence were three times likelier to record them than fully enclosed ones.", "Sites with a gap in the fence were three times as likely to record hedgehogs as fully enclosed gardens.", 0],
      ["swappedDetail", "She was appointed MBE in 2009 for services to children's entertainment.", "Ashworth was made an MBE in 2009 for services to children's entertainment.", 0],
      ["swappedDetail", "Nach den jüngsten Zählungen gibt es im Kreis Lindenau drei Rudel.", "Im Landkreis Lindenau leben derzeit drei Wolfsrudel.", 0],
      ["swappedDetail", "Karin Wendt aus Hohenbrück verlor Ende Oktober in nur einer Nacht 19 Tiere.", "Dort verlor die Schäferin Karin Wendt in einer einzigen Nacht Ende Oktober 19 Tiere.", 0],
    ];
    expectFeatures(cases);
    expect(normaliseNumbers("quasi quattrocento quotidiani; doscientos alumnos; quinhentos euros; mil e quinhentos empregos; dos mil quinientos")).toBe(
      "quasi 400 quotidiani; 200 alumnos; 500 euros; 1500 empregos; 2500",
    );
    expect(pairFeatures("Online marketplaces selling more than $500 million a year will pay a 2% levy.", "Marketplaces with annual sales above $500 million will pay a levy of 2 percent.").period).toBe(0);
    expect(pairFeatures("Since the start of September, 46 sheep have been killed by wolves.", "Seit Anfang September sind 46 Schafe gerissen worden.").period).toBe(0);
  });

  it("reads denials in Swedish, Dutch and Italian, a hyphened 'no-', 'not since' and 'nog geen 1.200' as no denial, 'every other summer' as no yearly rate, Swedish shares, 'two winters ago' against 'last winter', forming against ending, low against high, shorter against longer, a day alone against the weekend and buying against upkeep (the thirty-second set's errors)", () => {
    const cases: FeatureCase[] = [
      ["negation", "Flygplatsens 28 anställda har fått besked om att de blir uppsagda.", "Flygplatsens 28 anställda har ännu inte fått något besked om framtiden.", 1],
      ["negation", "De gemeente heeft het plan voor de kademuren goedgekeurd.", "De gemeente heeft het plan voor de kademuren niet goedgekeurd.", 1],
      ["negation", "Il comune ha approvato il piano per il porto.", "Il comune non ha approvato il piano per il porto.", 1],
      ["negation", "A pilot in the north-east cut non-attendance by a fifth.", "A north-east pilot reduced no-shows by 20%.", 0],
      ["negation", "Het is het laagste aantal sinds 2015.", "Niet sinds 2015 zijn in Gelderland zo weinig woningen opgeleverd.", 0],
      ["negation", "It is the lowest number since 2015.", "Not since 2015 have so few homes been completed.", 0],
      ["negation", "In Zeeland werden de minste woningen opgeleverd, nog geen 1.200.", "Zeeland leverde met minder dan 1.200 de minste woningen op.", 0],
      ["rate", "The council spends £7,200 a year, most of it on hosting a delegation every other summer.", "The council spends £7,200 a year, mainly on hosting a delegation every summer.", 1],
      ["rate", "The delegation visits every summer.", "The delegation visits each year.", 0],
      ["figuresDisagree", "Knappt 41 000 passagerare reste på sträckan förra året, ungefär hälften så många som för tio år sedan.", "Just under 41,000 passengers used the route last year, about a third of the number ten years ago.", 1],
      ["figuresDisagree", "En tredjedel av passagerarna reser i tjänsten.", "A third of the passengers travel for work.", 0],
      ["period", "The landline went down in the storms two winters ago, and residents could not call for help for four days.", "Residents could not call for help for four days last winter when storms brought down the landline.", 1],
      ["antonyms", "Roughly 140 towns have formed new twinning links since 2015.", "Some 140 towns have ended twinning arrangements since 2015.", 1],
      ["antonyms", "Her experiments on low-temperature gases won her the Pellworth Medal in 1974.", "She won the Pellworth Medal in 1974 for work on high-pressure gases.", 1],
      ["antonyms", "The diverted path will be about 320 metres shorter than the current 1.1km route.", "The new route adds about 320 metres to the current 1.1km path.", 1],
      ["antonyms", "The path is no longer than 1.1km, about 320 metres shorter than before.", "The path is 1.1km, 320 metres shorter than before.", 0],
      ["antonyms", "We had 3,460 visitors on Saturday alone.", "The museum drew 3,460 visitors over the weekend.", 1],
      ["antonyms", "Benches cost about £1,500 each to buy and install, the council says.", "The council says each bench costs about £1,500 a year to maintain.", 1],
    ];
    expectFeatures(cases);
  });

  it("scores a pair alike whichever claim comes first", () => {
    const [a, b] = ["Hegseth said Europe, not the US, should offer Ukraine security guarantees after the war", "Hegseth suggested European forces should shoulder the security responsibilities"];
    expect(sameClaimScore(a, b)).toBe(sameClaimScore(b, a));
  });
});

test("a span in words is no share: 'spoke for an hour' (60 minutes) is not the claim of a rate of 59.4 %", () => {
  // Found by the browser test of "checked before", whose figure is drawn at random and was 59.4 once.
  const rate = "Harbour district unemployment fell to 59.4% in May";
  expect(pairFeatures(rate, "The mayor spoke for an hour at the town hall.").measure).toBe(1);
  expect(same(rate, "The mayor spoke for an hour at the town hall.")).toBe(false);
});

test("a digit inside a word is no shared figure: a claim tagged mx8xzfsx is not the claim of a rise to 8.1 %", () => {
  const tagged = "The harbour creates 2,000 jobs (mx8xzfsx)";
  const rise = "Unemployment in the harbour district rose to 8.1% in June, the mayor added.";
  expect(same(tagged, rise)).toBe(false);
});
