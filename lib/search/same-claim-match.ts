/**
 * Whether two sentences state the same claim, past the trigram search that finds them
 * (same-claim.ts): the two read as normalised claims (figures as numbers, number words and
 * fractions as digits, "%" as "percent", words cut to their stems); kept only when on one topic
 * (shared words or a shared figure), then described by what a reviewer compares (a shared
 * figure, a figure on one side only, a conflict in figures or direction, a name or a word put in
 * its opposite's place, one sentence copied from the other with a word or figure changed or the
 * words reordered, one denied by the other, a direction reversed, shared figures in another
 * order, a rate over another span, another period, an ordinal, score or currency changed, a
 * change stated against a level, a winner and loser or the two sides of "rather than" turned
 * round, one figure measuring two things ("14 pounds" against "14 per cent"), two figures each in
 * the other's place, another named source, where a change started put where it ended) and
 * scored by a logistic regression over those (same-claim-model.json, learnt by
 * bench/quality/train-same-claim.ts on the spent sets' pairs). Figures are read in one unit
 * ("four decades" is 40 years, "doubled" a rise of 100 percent, "3 miles" 4.8 km, "two-fifths" 40
 * percent; a figure said to be approximate, "almost a fifth", may stand further off), times of day
 * as words ("4:30 p.m." and "4.30pm" alike). Pure, so the app and the benchmark (bench/quality)
 * score a pair the same way.
 */
import model from "@/lib/search/same-claim-model.json";
import { differencesOf, figureMentions, figuresDisagree, figuresOf, hedgesOf, isYear, type MeasuredFigure, sameFigure, wordsOppose } from "@/lib/search/claim-conflict";

/** A pair is the same claim at this score or above (the trainer folds its threshold into the bias). */
export const SAME_CLAIM_SCORE = 0.5;

/** No claim needs more than its opening read; a stored quote may be a whole 2 MB line. */
const MAX_READ_CHARS = 2_000;

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", sixteen: "16", seventeen: "17", eighteen: "18",
  nineteen: "19", twenty: "20", thirty: "30", forty: "40", fifty: "50",
  sixty: "60", seventy: "70", eighty: "80", ninety: "90",
  quarter: "25 percent", half: "50 percent", third: "33.3 percent", twice: "2 times",
  // Other languages', leaving out words that are English too ("once", "due") or an abbreviation ("Sept").
  un: "1", une: "1", deux: "2", trois: "3", quatre: "4", cinq: "5", huit: "8", dix: "10", douze: "12", quinze: "15", vingt: "20", trente: "30",
  uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", seis: "6", siete: "7", ocho: "8", nueve: "9", diez: "10", doce: "12",
  quince: "15", veinte: "20", treinta: "30", cuarenta: "40", cincuenta: "50",
  dois: "2", três: "3", sete: "7", oito: "8", nove: "9", dez: "10", vinte: "20", trinta: "30",
  tre: "3", quattro: "4", cinque: "5", sette: "7", dieci: "10", quindici: "15", venti: "20",
  eins: "1", zwei: "2", drei: "3", vier: "4", fünf: "5", sechs: "6", sieben: "7", neun: "9", zehn: "10", zwölf: "12", fünfzehn: "15", zwanzig: "20",
  twee: "2", drie: "3", vijf: "5", zes: "6", zeven: "7", negen: "9", tien: "10", twaalf: "12", vijftien: "15", twintig: "20",
  två: "2", fyra: "4", fem: "5", sju: "7", åtta: "8", nio: "9", tio: "10", tolv: "12", tjugo: "20",
  jeden: "1", jedna: "1", jedno: "1", dwa: "2", dwie: "2", dwóch: "2", trzy: "3", trzech: "3", cztery: "4", czterech: "4", pięć: "5", pięciu: "5",
  sześć: "6", sześciu: "6", siedem: "7", siedmiu: "7", osiem: "8", ośmiu: "8", dziewięć: "9", dziewięciu: "9", dziesięć: "10", dziesięciu: "10",
  dwanaście: "12", dwudziestu: "20", dwadzieścia: "20",
};
/** Spanish, Portuguese and Italian hundreds: "cuatrocientos", "quinhentos", "quattrocento" (not "cento" alone: "per cento" is percent). */
const ROMANCE_HUNDREDS: Record<string, number> = Object.fromEntries(
  [
    ["doscientos doscientas duzentos duzentas duecento", 200],
    ["trescientos trescientas trezentos trezentas trecento", 300],
    ["cuatrocientos cuatrocientas quatrocentos quatrocentas quattrocento", 400],
    ["quinientos quinientas quinhentos quinhentas cinquecento", 500],
    ["seiscientos seiscientas seiscentos seiscentas seicento", 600],
    ["setecientos setecientas setecentos setecentas settecento", 700],
    ["ochocientos ochocientas oitocentos oitocentas ottocento", 800],
    ["novecientos novecientas novecentos novecentas novecento", 900],
  ].flatMap(([words, value]) => String(words).split(" ").map((word) => [word, Number(value)])),
);
/** How many hundreds a Dutch, German or Swedish word of hundreds counts ("vier" in "vierhonderd"). */
const HUNDREDS_OF: Record<string, number> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
  ein: 1, zwei: 2, drei: 3, fünf: 5, sechs: 6, sieben: 7, neun: 9,
  ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** Words too common to say what a claim is about: function words, verbs of saying, modals. */
const STOP = new Set(
  ("the a an of in on at to for from by with and or but that this these those is are was were be been has have had it its " +
    "as than which who whom whose said says say according per cent percent about around roughly nearly almost some more over under below above past " +
    "stated called labeled labelled told warned claimed argued noted insisted described reiterated " +
    "will would should could can may might must " +
    "le la les de des du et en au aux un une est à el los las y del que por con según der die das und von im mit den dem für ist")
    .split(" "),
);

/** Fractions in words read before the number words: "half a million" (a share's other words are read in numbersAsDigits). */
const FRACTIONS: Array<[RegExp, string]> = [
  [/\bhalf an? (million|billion|degree|point|percentage point|mile|hour|day|year)\b/giu, "0.5 $1"],
  // "The half-million mark".
  [/\bhalf-(million|billion)\b/giu, "0.5 $1"],
];
const DENOMINATORS: Record<string, number> = { third: 3, quarter: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const FRACTION_WORDS = `(one|an?|two|three|four|five|six|seven|eight|nine)[- ](${Object.keys(DENOMINATORS).join("|")})s?`;
/** A fraction of one unit: "six-tenths of a second" is 0.6 seconds, "a fifth of one percent" 0.2 percent. */
const FRACTION_OF_A_UNIT = new RegExp(`\\b${FRACTION_WORDS} of (?:a|an|one) (second|percent|percentage point|point|million|billion|mile|metre|kilometre|degree|hour|day|year)\\b`, "giu");
/** A share: "two-fifths", "a fifth of", "by a fifth,", "a two-thirds fall", "an eighth lower", but not an ordinal ("a fifth consecutive month"). */
const SHARE = new RegExp(`\\b${FRACTION_WORDS}\\b(?!\\s+(?!(?:of|fall|drop|rise|increase|decrease|cut|reduction|jump|lower|higher|more|less|fewer|smaller|larger|bigger)\\b)\\p{L})`, "giu");
/**
 * Two or more parts are a share whatever follows, never an ordinal: "three-quarters full", "grown by two-thirds under",
 * "dropped by three fifths in the year"; quarters only hyphenated (not "five quarters in a row").
 */
const SHARES = new RegExp(`\\b(two|three|four|five|six|seven|eight|nine)(?:-| (?!quarters))(${Object.keys(DENOMINATORS).join("|")})s\\b`, "giu");
const fraction = (count: string, denominator: string) => (UNITS_WORDS[count.toLowerCase()] ?? 1) / DENOMINATORS[denominator.toLowerCase()];
/** A share (0..1) as a percentage to one decimal: 0.4390 is 43.9. */
const percentValue = (share: number) => Math.round(share * 1000) / 10;
const percentOf = (share: number) => `${percentValue(share)} percent`;

const ORDINAL_VALUES: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };
const ORDINALS = `${Object.keys(ORDINAL_VALUES).join("|")}|\\d+(?:st|nd|rd|th)`;
const ORDINAL_WORD = `(${ORDINALS})`;
/** A run stated by its last ordinal: "the fourth straight month", "a third summer running" (read as "4 consecutive month"). */
const STREAKS_BY_ORDINAL = [
  new RegExp(`\\b${ORDINAL_WORD} (?:straight|consecutive|successive) (\\p{L}+)`, "giu"),
  new RegExp(`\\b${ORDINAL_WORD} (\\p{L}+(?: \\p{L}+)?) (?:running|in a row)\\b`, "giu"),
];
/** A run as "<count> consecutive <unit>", whether its count is an ordinal ("fourth") or a number ("4"). */
const streak = (_: string, n: string, unit: string) => `${ORDINAL_VALUES[n.toLowerCase()] ?? Number(n)} consecutive ${singular(unit)}`;
/** "Matches" and "summers" as "match" and "summer", so a run reads alike in the singular and the plural. */
const singular = (words: string) => words.toLowerCase().replace(/(?<=(?:ch|sh|ss|x))es$|(?<=\p{L}{3})s$/u, "");

/**
 * Words and phrases read before the figures: a change stated as a multiple ("doubled" is a rise
 * of 100 percent), a bound that reads as a direction ("up to", "or less": neither goes up nor
 * down), "one" as a pronoun ("the one in last year's model" states no figure), and the scale
 * words of other languages ("1,8 milhões" is 1.8 million).
 */
const PHRASES: Array<[RegExp, string]> = [
  [/\b(?:doubled|doubling)\b/giu, "rose 100 percent"],
  // "The final quarter of an hour" is the last fifteen minutes.
  [/\b(?:a )?quarter of an hour\b/giu, "15 minutes"],
  // Before "a decade"; not "50 percent a century".
  [/\bhalf a decade\b/giu, "5 years"],
  [/\bhalf a century\b/giu, "50 years"],
  [/\ba century\b/giu, "100 years"],
  [/\ba decade\b/giu, "10 years"],
  // "Half a year" is six months and "a year and a half" eighteen, which the units read as 0.5 and 1.5 years.
  [/\bhalf a year\b/giu, "6 months"],
  [/\b(?:a|one) year and a half\b/giu, "18 months"],
  [/\bthe next year and a half\b/giu, "the next 18 months"],
  // "A year and a quarter" is fifteen months, "an hour and a quarter" 75 minutes (not "a year and a 25 percent").
  [/\b(?:a|one) year and a quarter\b/giu, "15 months"],
  [/\b(?:an|one) hour and a quarter\b/giu, "75 minutes"],
  // "A day and a half" is 1.5 days, as "36 hours" reads (not "a day and a 50 percent").
  [/\b(?:a|an|one) (hour|day|week|month|mile|kilometre|century) and a half\b/giu, "1.5 $1s"],
  [/\b(?:a|one) dozen\b/giu, "12"],
  [/\b(?:a|one) fortnight\b/giu, "14 days"],
  // "Almost a hundred rabbits", "a thousand people" ("one hundred" and "a hundred and forty-eight" are the number words').
  [/\ba hundred\b(?! and )/giu, "100"],
  [/\ba thousand\b/giu, "1,000"],
  // French seventeen to nineteen, whose two halves the number words would read as "10-8".
  [/(?<!\p{L})dix-sept(?!\p{L})/giu, "17"],
  [/(?<!\p{L})dix-huit(?!\p{L})/giu, "18"],
  [/(?<!\p{L})dix-neuf(?!\p{L})/giu, "19"],
  // A span with "a" for its number: "more than a year" against "more than two years".
  [/\b(than|for|over|within|after|under|least|nearly|almost|about) (?:a|an|one) (year|hour|day|week|month|decade)\b/giu, "$1 1 $2"],
  // "Sold out in a week" against "within 24 hours" ("in a year" is as often the period a change is counted over).
  [/\bin (?:a|an|one) (hour|day|week)\b/giu, "in 1 $1"],
  // "For another year" restates "for another twelve months".
  [/\banother (year|hour|day|week|month|decade)\b/giu, "another 1 $1"],
  [/\bhalf an hour\b/giu, "30 minutes"],
  [/\bthree quarters of an hour\b/giu, "45 minutes"],
  // Polish "62 tysiące", "70 tysięcy" and "62 tys." too.
  [/(?<!\p{L})(?:duizend|Tausend|mille|mila|tysiące|tysięcy|tysiąca|tys\.)(?!\p{L})/giu, "thousand"],
  [/\b(?:tripled|trebled)\b/giu, "rose 200 percent"],
  [/\bhalved\b/giu, "fell 50 percent"],
  // Halving and doubling in the other languages: "hat sich fast halbiert", "terá duplicado", "è raddoppiato".
  [/(?<!\p{L})(?:halbiert|divisée?s? par deux|reducid[oa]s? a la mitad|reduzid[oa]s? (?:para|à) metade|dimezzat[oaie]|gehalveerd|halveerde|halverat|halverats|halverades|(?:spadł\p{L}*|zmniejszył\p{L}*(?: się)?) o połowę)(?!\p{L})/giu, "fell 50 percent"],
  [/(?<!\p{L})(?:verdoppelt|doublée?s?|a doublé|duplicad[oa]s?|duplicó|duplicou|duplicaram|raddoppiat[oaie]|verdubbeld|verdubbelde|fördubblats|fördubblades|fördubblat|podwoił\p{L}*)(?!\p{L})/giu, "rose 100 percent"],
  // "Plus d'un tiers" is "plus de" a third, so the hedge stays when the fraction is read.
  [/(?<!\p{L})(plus|moins|près) d['’](?=une? )/giu, "$1 de "],
  // A bound, not a rise ("rents have gone up to £85").
  [/(?<!\b(?:go|goes|going|went|gone|moved|moves|shot|jumped|climbed) )\bup to\b/giu, "at most"],
  [/\bor (?:less|fewer|under|below)\b/giu, "at most"],
  [/\bor (?:more|over|above)\b/giu, "at least"],
  // Not a share: "told members that one in five children".
  [/\b(the|this|that|no|each|any|every|which) one\b(?! (?:in|out of|of every) )/giu, "$1 item"],
  [/(?<!\p{L})(?:mil milhões|mil millones|Milliarden|Milliarde|milliards|milliard|miljarden|miljard|miliardi|miliardo|mld|miliardów|miliardy)(?!\p{L})/giu, "billion"],
  [/(?<!\p{L})(?:milhões|milhão|millones|millón|Millionen|Million|millions|miljoen|milioni|milione|mln|milionów|miliony)(?!\p{L})/gu, "million"],
  // "Numa década", "over the following decade": ten years, as "a decade" is.
  [/(?<!\p{L})(?:uma|numa|una|une|ein|einem|un|een) (?:década|décennie|Jahrzehnt|decennio|decennium)(?!\p{L})/giu, "10 years"],
  [/\bthe (next|following|past|last|previous) decade\b/giu, "the $1 10 years"],
];

/** Fractions in other languages, as percentages: "un tiers", "d'un quart", "ein Drittel", "um terço" (before the number words). */
const FOREIGN_FRACTIONS: Array<[RegExp, string]> = [
  // "Een kwart miljoen" is 250,000, as "a quarter of a million" reads (the scale word is English by now): before the quarter alone.
  [/(?<!\p{L})een kwart (million|billion)(?!\p{L})/giu, "0.25 $1"],
  [/(?<!\p{L})een half (million|billion)(?!\p{L})/giu, "0.5 $1"],
  // One row a value, its words in each language.
  [/(?<!\p{L})(?:la moitié|die Hälfte|la mitad|metade|metà|de helft|hälften|połowę|połowa)(?!\p{L})/giu, "50 percent"],
  [/(?<!\p{L})(?:(?:un|d'un|d’un|ein|einem|einen|um) (?:tiers|Drittel|tercio|terço)|een derde|un terzo|en tredjedel|(?:jedną|jedna) (?:trzecią|trzecia))(?!\p{L})/giu, "33.3 percent"],
  [/(?<!\p{L})(?:(?:un|d'un|d’un|ein|einem|einen|um) (?:quart|Viertel|cuarto|quarto)|een kwart|en fjärdedel|(?:jedną|jedna) (?:czwartą|czwarta))(?!\p{L})/giu, "25 percent"],
  [/(?<!\p{L})(?:deux tiers|zwei Drittel|dos tercios|dois terços|twee derde|due terzi|två tredjedelar|(?:dwie|dwa) trzecie)(?!\p{L})/giu, "66.7 percent"],
  [/(?<!\p{L})(?:trois quarts|drei Viertel|tres cuartos|três quartos|driekwart|tre quarti|tre fjärdedelar)(?!\p{L})/giu, "75 percent"],
  // "Jedes dritte Kind": every third is a third.
  [/(?<!\p{L})jede[rsn]? zweiten?(?!\p{L})/giu, "50 percent"],
  [/(?<!\p{L})jede[rsn]? dritten?(?!\p{L})/giu, "33.3 percent"],
  [/(?<!\p{L})jede[rsn]? vierten?(?!\p{L})/giu, "25 percent"],
  [/(?<!\p{L})jede[rsn]? fünften?(?!\p{L})/giu, "20 percent"],
  [/(?<!\p{L})jede[rsn]? zehnten?(?!\p{L})/giu, "10 percent"],
  [/(?<!\p{L})(?:un|d'un|d’un|ein|einem|um|una|een) (?:cinquième|Fünftel|quinto|quinta parte|vijfde)(?!\p{L})/giu, "20 percent"],
  [/(?<!\p{L})(?:un|d'un|d’un|ein|einem|um|una|een) (?:dixième|Zehntel|decimo|décimo|décima parte|tiende)(?!\p{L})/giu, "10 percent"],
];

/**
 * A span of time or a measure in a smaller or larger unit, as one unit: "four decades" is 40
 * years, "two and a half hours" 150 minutes, "180 centimetres" 1.8 metres, "62 cents" 0.62,
 * "twelve months" a year (after the number words, so the figures are digits).
 */
/** Other languages' words for hours (the singular ones only with minutes after them): "6,5 godziny", "9 godzin i 40 minut". */
const OTHER_HOURS = "Stunden|heures|horas|ore|uur|timmar|godzin[ay]?";
const UNITS: Array<[RegExp, (n: number) => string]> = [
  [/(?<![\d.,])(\d+(?:\.\d+)?) (?:decades|décennies|décadas|Jahrzehnte)\b/giu, (n) => `${n * 10} years`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) (?:centuries|siècles|siglos|séculos|secoli|Jahrhunderte)(?!\p{L})/giu, (n) => `${n * 100} years`],
  // Weeks as days and days as minutes, so "a two-day strike" reads as "a 48-hour strike".
  [/(?<![\d.,])(\d+(?:\.\d+)?) weeks?\b/giu, (n) => `${n * 7} days`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) (?:days?|jours?|días|dias|giorni|Tagen?|dagen|dagarn?a?|dni)(?!\p{L})/giu, (n) => `${n * 24 * 60} minutes`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) hours?\b/giu, (n) => `${n * 60} minutes`],
  // Other languages' hours, with their decimal comma: "6,5 godziny" is 390 minutes, as "six and a half hours" reads.
  [new RegExp(`(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d)?) (?:${OTHER_HOURS})(?!\\p{L})`, "giu"), (n) => `${n * 60} minutes`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:centimetres|centimeters|centimeter|centimètres|centímetros|centimetros|Zentimeter|centimetri|cm)(?!\p{L})/giu, (n) => `${n / 100} metres`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:millimetres|millimeters|millimètres|milímetros|Millimeter|millimetri|mm)(?!\p{L})/giu, (n) => `${n / 1000} metres`],
  [/(?<![\d.,])(\d+) cents?\b/giu, (n) => `${n / 100}`],
  // "Up by 10p to £1.35" is up by £0.10.
  [/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:p|pence)(?!\p{L}|\.\p{L})/giu, (n) => `£${n / 100}`],
  [/(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?) cubic (?:metres|meters)(?!\p{L})/giu, (n) => `${n * 1000} litres`],
  // To one decimal: "4.827" would read as 4,827 in the decimal-comma languages.
  [/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:mph|miles an hour|miles per hour)(?!\p{L})/giu, (n) => `${Math.round(n * 16.09) / 10} km/h`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) nautical miles?\b/giu, (n) => `${Math.round(n * 18.52) / 10} km`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) miles?\b/giu, (n) => `${Math.round(n * 16.09) / 10} km`],
  // Areas are large: "3,400 hectares", "95.000 hectáreas" with their thousands (34 and 950 square km).
  [/(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?) (?:hectares|hectáreas|Hektar|ettari|ha)(?!\p{L})/giu, (n) => `${n / 100} square km`],
  // Imperial areas and lengths in metric: "10 acres" is about 4 hectares, "2,700 square feet" about 250 square metres.
  [/(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?) acres?(?!\p{L})/giu, (n) => `${Math.round(n * 4.047) / 1000} square km`],
  [/(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?) (?:square feet|square foot|sq ft)(?!\p{L})/giu, (n) => `${Math.round(n * 0.929) / 10} square metres`],
  [/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:feet|foot|ft)(?!\p{L})/giu, (n) => `${Math.round(n * 30.48) / 100} metres`],
  // Whole and half years: "12 months" is a year, "six months" 0.5 years, "18 months" 1.5.
  [/(?<![\d.,])(\d+) (?:months|meses|mois|mesi|Monate|Monaten|maanden|månader|miesięcy)(?!\p{L})/giu, (n) => (n % 6 === 0 ? `${n / 12} ${n === 12 ? "year" : "years"}` : `${n} months`)],
];

/** A text with number words and fractions as digits and "%" written as "percent", so "four percent" and "4%", "one in four" and "25%" read alike. */
export function normaliseNumbers(text: string): string {
  return inOneUnit(numbersAsDigits(text));
}

/**
 * A time of day as one word that states no figure: "4:30 p.m.", "4.30pm", "16h30", "16 Uhr",
 * "alle 16" and "half vijf 's middags" are all "t1630", not the figures 4 and 30. An hour in
 * words with no part of the day ("quarter past ten", "halb sieben") may be either: "w1015" is
 * 10.15 or 22.15.
 */
function timesOfDay(text: string): string {
  const word = (hours: number, minutes: string, eitherHalf = false) => `${eitherHalf ? "w" : "t"}${String(hours).padStart(2, "0")}${minutes}`;
  // "24 Uhr" and "alle 24" are midnight.
  const clock = (h: string, m: string | undefined) => (Number(h) <= 24 ? word(Number(h) % 24, m ?? "00") : null);
  return text
    .replace(/(?<!\p{L})(?:midnight|minuit|medianoche|meia-noite|mezzanotte|Mitternacht|middernacht|midnatt)(?!\p{L})/giu, word(0, "00"))
    .replace(/(?<!\p{L})(?:noon|midday|mediodía|meio-dia|mezzogiorno)(?!\p{L})/giu, word(12, "00"))
    .replace(/(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\b\.?/giu, (_, h: string, m: string | undefined, half: string) => word((Number(h) % 12) + (half.toLowerCase() === "p" ? 12 : 0), m ?? "00"))
    // Opening hours on the 24-hour clock with a dot: "de 10.00 a 21.00", "from 9.30 to 17.30" (on the hour or the half hour only, so "from 1.25 to 1.35" stays figures).
    .replace(/(?<![\d.,£$€])(\d{1,2})\.(00|30) ?(a|à|to|until|till|bis|tot|alle|-|–) ?(\d{1,2})\.(00|30)(?:\s?(?:Uhr|uur|horas|heures|h)(?!\p{L}))?(?![.,]?\d|\s?(?:%|percent|per|euros?|€))/giu, (all, h1: string, m1: string, to: string, h2: string, m2: string) =>
      Number(h1) <= 23 && Number(h2) <= 24 ? `${word(Number(h1), m1)} ${to} ${word(Number(h2) % 24, m2)}` : all,
    )
    // "6:30 in the evening" is 18:30.
    .replace(/(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))? (?:in the (?:evening|afternoon)|at night)\b/giu, (all, h: string, m: string | undefined) => (Number(h) <= 12 ? word((Number(h) % 12) + 12, m ?? "00") : all))
    .replace(/(?<![\d.,])(\d{1,2})(?::|h)(\d{2})(?!\d|[.,]\d)/gu, (_, h: string, m: string) => word(Number(h), m))
    // "18.30 Uhr", "12.00 horas": hours and minutes before the clock's word.
    .replace(/(?<![\d.,])(\d{1,2})[.:](\d{2})\s?(?:Uhr|uur|horas|heures|h)(?!\p{L})/gu, (all, h: string, m: string) => clock(h, m) ?? all)
    // "Ten o'clock in the morning", "10 o'clock" (either half of the day).
    .replace(/\b(\d{1,2}|\p{L}+) o['’]clock(?: (in the morning|in the afternoon|in the evening|at night))?/giu, (all, hour: string, part: string | undefined) => {
      const h = englishHour(hour);
      return h < 0 ? all : word((h % 12) + afterNoon(part), "00", !part);
    })
    // "Half past seven in the morning", "twenty past four", "ten to six in the evening" (a range, "from five to six", has no part of the day or "at"):
    // hours in words ("halb sieben am Abend" below).
    .replace(/(\bat )?\b(half|quarter|five|ten|twenty|twenty-five) (past|to) (\p{L}+)(?: (in the morning|in the afternoon|in the evening|at night))?/giu, (all, at: string | undefined, which: string, way: string, hour: string, part: string | undefined) => {
      const [h, minutes] = [ENGLISH_HOURS.indexOf(hour.toLowerCase()), MINUTES_IN_WORDS[which.toLowerCase()]];
      if (h < 0 || (way.toLowerCase() === "to" && !/quarter/iu.test(which) && !at && !part)) return all;
      const time = way.toLowerCase() === "to" ? word(((h + 11) % 12) + afterNoon(part), String(60 - minutes), !part) : word((h % 12) + afterNoon(part), String(minutes).padStart(2, "0"), !part);
      return `${at ?? ""}${time}`;
    })
    // "One in the morning", "six in the evening": an hour in words with its part of the day (after "half past seven in the morning").
    .replace(/\b(\p{L}+) (in the morning|in the (?:evening|afternoon)|at night)\b/giu, (all, hour: string, part: string) => {
      const h = englishHour(hour);
      return h < 0 ? all : word((h % 12) + afterNoon(part), "00");
    })
    .replace(/\bhalb (\p{L}+)(\s+(?:am Abend|abends|am Nachmittag|nachmittags))?/giu, (all, hour: string, later: string | undefined) => {
      const h = GERMAN_HOURS.indexOf(hour.toLowerCase());
      return h < 0 ? all : word(((h + 11) % 12) + (later ? 12 : 0), "30", !later);
    })
    // The 24-hour clock's words: "23 Uhr", "9 uur", "21 heures", "23h".
    .replace(/(?<![\d.,])(\d{1,2})(?:\s?(?:Uhr|uur|heures?)|h)(?!\p{L}|\d)/gu, (all, h: string) => clock(h, undefined) ?? all)
    // "dalle 23 alle 6", "a las 9", "às 21": a preposition that takes only an hour ("alle" alone is also "to the": an hour only after "dalle <hour>" or "fino").
    .replace(/(?<!\p{L})(dalle|alle ore|dalle ore|(?<=(?:dalle (?:ore )?\d{1,2}(?:[:.]\d{2})?|fino) )alle|a las|de las|desde las|hasta las|às|até às)\s(\d{1,2})(?:[:.](\d{2}))?(?!\d|[.,]\d|\s?(?:%|per|por|euro|€))/giu, (all, at: string, h: string, m: string | undefined) => {
      const time = clock(h, m);
      return time ? `${at} ${time}` : all;
    })
    // Dutch "half tien" is half past nine (half an hour before ten); "'s avonds" or "'s middags" after it, in the afternoon or evening.
    .replace(/\bhalf (een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)(\s+['’]s (?:avonds|middags))?/giu, (_, hour: string, later: string | undefined) =>
      word(((DUTCH_HOURS.indexOf(hour.toLowerCase()) + 11) % 12) + (later ? 12 : 0), "30", !later),
    )
    // "Kwart over zeven" is 7:15, "kwart voor zeven" 6:45 (the hour in words or digits, as the number words may have read it).
    .replace(/\bkwart (over|voor) (een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d{1,2})(?!\p{L}|\d)(\s+['’]s (?:avonds|middags))?/giu, (all, way: string, hour: string, later: string | undefined) => {
      const h = /^\d/u.test(hour) ? Number(hour) % 12 : DUTCH_HOURS.indexOf(hour.toLowerCase());
      if (h < 0 || Number(hour) > 12) return all;
      return way.toLowerCase() === "over" ? word(h + (later ? 12 : 0), "15", !later) : word(((h + 11) % 12) + (later ? 12 : 0), "45", !later);
    });
}
const DUTCH_HOURS = ["twaalf", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf"];
const ENGLISH_HOURS = ["twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"];
/** An hour of the clock in digits or English words ("10", "ten"), 0 to 12; -1 if it is none. */
const englishHour = (hour: string) => (/^\d/u.test(hour) ? (Number(hour) <= 12 ? Number(hour) : -1) : ENGLISH_HOURS.indexOf(hour.toLowerCase()));
/** The hours a part of the day adds: 12 in the afternoon, evening or at night, 0 in the morning or with none named. */
const afterNoon = (part: string | undefined) => (part !== undefined && !/morning/iu.test(part) ? 12 : 0);
/** The minutes an hour in words is past or to: "twenty past four", "quarter to ten". */
const MINUTES_IN_WORDS: Record<string, number> = { five: 5, ten: 10, quarter: 15, twenty: 20, "twenty-five": 25, half: 30 };
const GERMAN_HOURS = ["zwölf", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf"];

/** A race time, "2:12:09", "2 hours 12 minutes and 9 seconds", "3min 58.4sec" or "3:58.4", as its seconds. */
function raceTimes(text: string): string {
  const seconds = (h: string, m: string, s: string) => `${Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 100) / 100} seconds`;
  return text
    .replace(/(?<![\d.,:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])/gu, (_, h: string, m: string, s: string) => seconds(h, m, s))
    .replace(/(?<![\d.,])(\d{1,2}) hours?,? (\d{1,2}) minutes?,? (?:and )?(\d{1,2}) seconds?\b/giu, (_, h: string, m: string, s: string) => seconds(h, m, s))
    // Minutes and seconds, the seconds with tenths to thousandths: "3min 58.4sec", "3 minutes 58.4 seconds", "3:58.4", "1:34.207" (no clock time has them).
    .replace(/(?<![\d.,])(\d{1,2}) ?(?:min|mins|minutes?)\.?,? (?:and )?(\d{1,2}(?:\.\d+)?) ?(?:sec|secs|seconds?)(?!\p{L})\.?/giu, (_, m: string, s: string) => seconds("0", m, s))
    .replace(/(?<![\d.,:])(\d{1,2}):(\d{2}\.\d{1,3})(?![\d:])/gu, (_, m: string, s: string) => seconds("0", m, s))
    // Minutes and seconds into a round or a period: "2:41 into overtime" is no time of day.
    .replace(/(?<![\d.,:])(\d{1,2}):(\d{2}) into\b/gu, (_, m: string, s: string) => `${seconds("0", m, s)} into`);
}

/** Hours then minutes, in the corpus's languages ("un'ora" has its "un" read as 1 by now). */
const HOURS_AND_MINUTES = new RegExp(
  `(?<![\\d.,])(\\d+|an)(?:['’]| )(?:hours?|ora|hora|heure|Stunde|${OTHER_HOURS}),? (?:(?:and|e|y|et|und|och|en|i) )?(\\d+) (?:minutes?|minuti|minutos|Minuten|minuter|minuten|minut)(?!\\p{L})`,
  "giu",
);

/** Spans and measures in one unit ("4 decades" is 40 years). */
const inOneUnit = (text: string) =>
  UNITS.reduce(
    (t, [pattern, convert]) => t.replace(pattern, (_, n: string) => convert(Number(/^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/u.test(n) ? n.replace(/\D/gu, "") : n.replace(",", ".")))),
    // "2 hours and 51 minutes" is 171 minutes, not 120 minutes and 51 ("an hour and 20 minutes" 80); "a 48-hour strike" is one of 48 hours.
    text
      .replace(/(?<![\d.,])(\d+(?:\.\d+)?)-(second|minute|hour|day|week|month|year|mile|metre|kilometre|foot)s?\b/giu, "$1 $2")
      .replace(HOURS_AND_MINUTES, (_, h: string, m: string) => `${(h.toLowerCase() === "an" ? 1 : Number(h)) * 60 + Number(m)} minutes`)
      // A range with its unit once: "from 14 to 19 weeks" is from 14 weeks to 19 weeks.
      .replace(/(?<![\d.,])(\d+(?:\.\d+)?) (to|and|or) (\d+(?:\.\d+)?) (seconds|minutes|hours|days|weeks|months|years|decades|miles|metres|meters)\b/giu, "$1 $4 $2 $3 $4")
      // "31 mil hectares" with its thousands, as "31,000 hectares" reads.
      .replace(/(?<![\d.,])(\d+) (?:mil|thousand) (?=(?:hectares|hectáreas|Hektar|ettari)(?!\p{L}))/giu, (_, n: string) => `${Number(n) * 1000} `)
      // "The past twelve months" is "the past year", which states no figure.
      .replace(/\b(past|last|previous|preceding) 12 months\b/giu, "$1 year"),
  );

/**
 * A quarter or half of a year, or of a game, as a period, not a share: "last quarter" and "the
 * quarter" as "last qtr" and "the qtr", "the third quarter" (of anything) as "qtr3", "quarter on
 * quarter" as "qtr on qtr", "the first half" as "half1", "half-year profit" as six months', "in the half," as "the hlf"; "a
 * quarter of homes", "three quarters" and "half the homes" stay shares.
 */
const PART_ORDINALS: Record<string, string> = { first: "1", second: "2", third: "3", fourth: "4" };
const partsOfAYear = (text: string) =>
  text
    .replace(/\b(first|second|third|fourth)[- ]quarter\b/giu, (_, which: string) => `qtr${PART_ORDINALS[which.toLowerCase()]}`)
    .replace(/\b(first|second)[- ]half\b/giu, (_, which: string) => `half${PART_ORDINALS[which.toLowerCase()]}`)
    .replace(/\bhalf[- ]year(?:ly)?\b/giu, "6 months")
    // "In the half, up 9 percent": the half-year itself, where no noun follows to take the share.
    .replace(/\b(the|this|last|previous|same|that) half\b(?=\s*(?:[,.;:)]|$)|\s(?:to|ended|ending|year)\b)/giu, "$1 hlf")
    .replace(/\b(the|this|last|next|previous|preceding|each|every|per|one|final|latest|same|that)[- ]quarter\b(?! of\b)|\bquarter[- ]on[- ]quarter\b/giu, (_, which: string | undefined) =>
      which ? `${which} qtr` : "qtr on qtr",
    );

/** normaliseNumbers short of the units: "40 hours" stays 40. */
function numbersAsDigits(text: string): string {
  const phrased = [...PHRASES, ...FOREIGN_FRACTIONS, ...FRACTIONS].reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), timesOfDay(raceTimes(partsOfAYear(text))));
  // Before the shares and the number words, which read "third" as a share; the race times again after them, for one in
  // words ("three minutes and forty seconds").
  const inDigits = STREAKS_BY_ORDINAL.reduce((t, pattern) => t.replace(pattern, streak), phrased)
    .replace(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b/giu, (_, tens: string, units: string) => String(TENS[tens.toLowerCase()] + UNITS_WORDS[units.toLowerCase()]))
    .replace(/\b(?:a|one) hundred(?: and)? (\d{1,2})\b(?![.,]\d)/giu, (_, n: string) => String(100 + Number(n)))
    .replace(FRACTION_OF_A_UNIT, (_, n: string, d: string, unit: string) => `${Math.round(fraction(n, d) * 1000) / 1000} ${/percent|point|million|billion/u.test(unit) ? unit : `${unit}s`}`)
    .replace(SHARES, (all, n: string, d: string) => (fraction(n, d) < 1 ? percentOf(fraction(n, d)) : all))
    .replace(SHARE, (_, n: string, d: string) => percentOf(fraction(n, d)))
    .replace(/\b(\p{L}+) and a half\b/giu, (all, word: string) => (NUMBER_WORDS[word.toLowerCase()] ? `${NUMBER_WORDS[word.toLowerCase()]}.5` : all))
    // "The third set" is an ordinal, "a third" a share.
    .replace(/(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu, (word, at: number, text: string) =>
      word.toLowerCase() === "third" && /\b(?:the|its|their|his|her|our)\s$/iu.test(text.slice(Math.max(0, at - 6), at)) ? word : (NUMBER_WORDS[word.toLowerCase()] ?? word),
    )
    .replace(/(?<![\d.,])(\d+) dozen\b/giu, (_, n: string) => String(Number(n) * 12))
    // "Four months in a row", "three consecutive summers": a run, as "the fourth straight month" reads.
    .replace(/(?<![\d.,])(\d+) (?:straight|consecutive|successive) (\p{L}+)/giu, streak)
    .replace(/(?<![\d.,])(\d+) (\p{L}+) (?:running|in a row)\b/giu, streak)
    // A range with its scale once: "between 9 and 12 billion" and "9-12 billion" are "9 billion to 12 billion".
    .replace(/\bbetween (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) (thousand|million|billion)\b/giu, "$1 $3 to $2 $3")
    .replace(/(?<![\d.,])(\d+(?:\.\d+)?) ?(?:to|-|–) ?(\d+(?:\.\d+)?) (thousand|million|billion)\b/giu, (all, low: string, high: string, scale: string) =>
      isYear(Number(low)) ? all : `${low} ${scale} to ${high} ${scale}`,
    )
    // "Six hundred officers" is 600, "two hundred thousand" 200 thousand.
    .replace(/(?<![\d.,])(\d) hundred\b/giu, (_, n: string) => String(Number(n) * 100))
    // "Mil e quinhentos" and "dos mil quinientos" with their thousands.
    .replace(/(?<![\p{L}\d.,])(?:(\d+) )?mil (?:e |y )?(\p{L}+)(?!\p{L})/giu, (all, n: string | undefined, word: string) =>
      ROMANCE_HUNDREDS[word.toLowerCase()] ? String((n ? Number(n) : 1) * 1000 + ROMANCE_HUNDREDS[word.toLowerCase()]) : all,
    )
    .replace(/(?<!\p{L})\p{L}+(?:cientos|cientas|centos|centas|cento|hentos|hentas)(?!\p{L})/giu, (word) => (ROMANCE_HUNDREDS[word.toLowerCase()] ? String(ROMANCE_HUNDREDS[word.toLowerCase()]) : word))
    // Dutch, German and Swedish hundreds in one word: "vierhonderd", "dreihundert", "tvåhundra".
    .replace(/(?<!\p{L})(\p{L}*?)(?:honderd|hundert|hundra)(?!\p{L})/giu, (all, n: string) => (n === "" ? "100" : HUNDREDS_OF[n.toLowerCase()] ? String(HUNDREDS_OF[n.toLowerCase()] * 100) : all))
    // A multiple as a rise: "2.6 times as many" is a rise of 160 percent, as "tripled" is one of 200.
    .replace(/(?<![\d.,])(\d+(?:\.\d+)?) times (?:as (?:many|much|high|large|big|often)|what it was|the (?:figure|number|level|total)|higher|bigger|larger|greater)\b/giu, (_, n: string) => `rose ${Math.round((Number(n) - 1) * 100)} percent`)
    .replace(/(\d)\s*(?:%|per cento|por cento|per cent|percent|pour cent|por ciento|procent|Prozent)(?!\p{L})/giu, "$1 percent")
    // A share ("1 in 4", "seven-in-ten", "2 of 3", "två av tre"), not a figure then a year ("3,300 in 2020"): a whole number no larger than its base, which is no year.
    // "One of 14 members" is one member, not a share.
    .replace(/(?<![\d.,])\b(\d+)[ -](in|in every|of|out of|of every|von|sur|de cada|av)[ -](\d+)\b(?![.,]\d)/gu, (all, a: string, word: string, b: string) =>
      Number(a) <= Number(b) && !isYear(Number(b)) && (Number(a) > 1 || !/^(?:of|av)$/u.test(word)) ? `${percentOf(Number(a) / Number(b))}${countOf(word, b)}` : all,
    )
    // "Deux jeunes embauchés sur trois", "dos de cada tres", "un edificio scolastico su tre": a share with a few words between.
    // Not "une corrosion avancée sur 12 des 48 câbles", 12 of the 48.
    .replace(/(?<![\d.,])\b(\d+) ((?:\p{L}+ ){1,3})(?:sur|de cada|su) (\d+)\b(?![.,]\d|\s(?:des|de|of|dei|degli|delle)\s\d)/gu, (all, a: string, who: string, b: string) =>
      Number(a) <= Number(b) && !isYear(Number(b)) ? `${percentOf(Number(a) / Number(b))} ${who.trim()}` : all,
    )
    // "One parent in twelve", "one train in five": a share with what it counts between (not "2 goals in 10 minutes").
    .replace(/(?<![\d.,])\b(\d+) (\p{L}+) in (\d+)\b(?![.,]\d|\s?(?:%|percent|seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches|races?|starts?|attempts?|meetings?|km|kilomet\p{L}*|metres?|miles?)(?!\p{L}))/giu, (all, a: string, what: string, b: string) =>
      Number(a) <= Number(b) && !isYear(Number(b)) ? `${percentOf(Number(a) / Number(b))} of ${what}` : all,
    );
  return raceTimes(inDigits);
}

/**
 * The whole a share "of" a count keeps, so the count it states is still read (partsOfWholes): "96 of
 * 212 applicants" is "45.3 percent of 212 applicants", as "96 of the 212" states 96; "7 out of 10"
 * is a share only.
 */
const countOf = (word: string, whole: string) => (/^(?:of|out of)$/u.test(word) && Number(whole) > SHARE_BASE_MAX ? ` of ${whole}` : "");
const SHARE_BASE_MAX = 20;

/** A claim read once for every feature: as written, with its numbers as digits, and with its measures in one unit too. */
interface ReadClaim {
  text: string;
  digits: string;
  normalised: string;
}
function readClaim(text: string): ReadClaim {
  const digits = numbersAsDigits(text);
  return { text, digits, normalised: inOneUnit(digits) };
}

/** A claim's content words, cut to their first five letters (a crude stem: "rises", "rising", "risen"). */
export function claimWords(text: string): Set<string> {
  return new Set(
    Array.from(normaliseNumbers(text).toLowerCase().matchAll(/[\p{L}\p{N}]+/gu), ([w]) => w)
      .filter((w) => !STOP.has(w) && !/^\d/u.test(w))
      .map((w) => w.slice(0, 5)),
  );
}

/** Where a claim moves something from and to, by name: "from Eastwick to Cold Ashby", "van Gent naar Brugge". */
const FROM_PLACE_TO_PLACE = /(?<!\p{L})(?:from|von|van|de|da)\s+(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)*)\s+(?:to|nach|naar|à|a|para|till|do)\s+(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)*)/gu;
/** The same two places, moved from and to the other way round: "from Eastwick to Cold Ashby" against "from Cold Ashby to Eastwick". */
function placesTurnedRound(a: string, b: string): boolean {
  const moves = (text: string) => Array.from(text.matchAll(FROM_PLACE_TO_PLACE), ([, from, to]) => [from.toLowerCase(), to.toLowerCase()]);
  const movesB = moves(b);
  return moves(a).some(([from, to]) => movesB.some(([fromB, toB]) => from === toB && to === fromB));
}

/**
 * A name, month or weekday put in another's place, the rest worded alike: "in February" against
 * "in March", "in Toledo on Monday" against "in Dayton on Saturday", "Reddick's campaign" against
 * "Harlow's campaign". A capitalised word of one claim that the other lacks, whose neighbour
 * word stands in the other beside a different capitalised word: the hard negative that changes
 * one detail. A restatement that adds a claimant ("…, the Liberal Democrats said") is no swap.
 */
function swappedDetail(a: string, b: string): boolean {
  if (placesTurnedRound(a, b)) return true;
  // German writes every noun with a capital: a capital there names nothing.
  if (looksGerman(a) || looksGerman(b)) return false;
  const tokensOf = (text: string) => Array.from(text.matchAll(/[\p{L}\p{N}’'-]+/gu), ([w]) => w.replace(/[’']s$/u, ""));
  const [ta, tb] = [tokensOf(a), tokensOf(b)];
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  const lower = (w: string | undefined) => w?.toLowerCase();
  // Compared by stem, so "North America" and "North American" are one name.
  const stem = (w: string) => w.toLowerCase().slice(0, 5);
  const inOther = (tokens: string[], other: string[]) => {
    const [ownStems, otherStems] = [new Set(tokens.map(stem)), new Set(other.map(stem))];
    return tokens.some((word, i) => {
      // A pronoun opening a sentence names no one: "She was appointed MBE" against "Ashworth was made an MBE".
      if (!capital(word) || otherStems.has(stem(word)) || STOP.has(word.toLowerCase()) || PRONOUNS.has(word.toLowerCase())) return false;
      return other.some(
        (o, j) =>
          capital(o) &&
          !PRONOUNS.has(o.toLowerCase()) &&
          !ownStems.has(stem(o)) &&
          ((i > 0 && j > 0 && lower(tokens[i - 1]) === lower(other[j - 1])) || (i + 1 < tokens.length && lower(tokens[i + 1]) === lower(other[j + 1]) && tokens[i + 1] !== undefined)),
      );
    });
  };
  return inOther(ta, tb);
}

const GERMAN_WORDS = /(?<!\p{L})(?:der|die|das|dem|des|ein|eine|einer|einen|eines|und|ist|sind|nicht|mit|für|auf|sich|wird|werden|wurde|wurden|hat|haben|im|vom|zum|nach|bei|von|aus|seit|nur|auch|noch|oder|aber)(?!\p{L})/giu;
const looksGerman = (text: string) => (text.match(GERMAN_WORDS)?.length ?? 0) >= 2;

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** The months in the corpus's other languages, January first (English "March" and "May" are words too: ENGLISH_MONTH). */
const MONTH_NAMES = [
  "janvier|enero|janeiro|gennaio|Januar|januari|stycz(?:eń|nia)",
  "février|febrero|fevereiro|febbraio|Februar|februari|lut(?:y|ego)",
  "mars|marzo|março|März|maart|mar(?:zec|ca)",
  "avril|abril|aprile|kwie(?:cień|tnia)",
  "mai|mayo|maio|maggio|mei|maj|maja",
  "juin|junio|junho|giugno|Juni|czerw(?:iec|ca)",
  "juillet|julio|julho|luglio|Juli|lip(?:iec|ca)",
  "août|agosto|augustus|augusti|sierp(?:ień|nia)",
  "septembre|septiembre|setembro|settembre|wrze(?:sień|śnia)",
  "octobre|octubre|outubro|ottobre|Oktober|październik(?:a)?",
  "novembre|noviembre|novembro|listopad(?:a)?",
  "décembre|diciembre|dezembro|dicembre|Dezember|grud(?:zień|nia)",
];
/** An English month whose name is also a common word ("March", "May"), where a date's words stand by it. */
const ENGLISH_MONTH = (name: string) => `(?:in|since|until|by|from|of|early|late|mid-?|end of) ${name}|${name} \\d|\\d{1,2} ${name}`;

/**
 * Words that stand for opposite sides of a claim, each beside its opposites: one claim's word
 * put in the place of the other's ("rural" against "urban", "the governing party" against
 * "the opposition").
 */
const ANTONYMS: Array<[RegExp, RegExp]> = [
  [/\brural\b/iu, /\burban\b/iu],
  [/\b(?:governing|ruling)\b/iu, /\bopposition\b/iu],
  [/\bmajority\b/iu, /\bminority\b/iu],
  // "A closed meeting", "behind closed doors": in private.
  [/\bpublic\b/iu, /\bprivate\b|\bclosed (?:meeting|session|hearing)s?\b|\bbehind closed doors\b/iu],
  [/\bfull-time\b/iu, /\bpart-time\b/iu],
  // What a company's figure measures: "revenue of £14.6 million" against "a profit of £14.6 million".
  [/\b(?:revenues?|turnover|sales|takings)\b/iu, /\bprofits?\b/iu],
  [/\bdomestic\b/iu, /\b(?:foreign|international)\b/iu],
  [/\b(?:worldwide|globally|in the world|around the world|across the world)\b/iu, /\b(?:nationwide|nationally|in (?:Europe|Africa|Asia|America|the country|the region))\b/iu],
  [/\bbefore\b/iu, /\bafter\b/iu],
  [/\b(?:fully|entirely|all)\b/iu, /\b(?:partly|part|partially|some|jointly)\b/iu],
  // A whole country against a part of it: "i hela landet" against "i Norrmarks län".
  [
    /(?<!\p{L})(?:nationwide|nationally|across the country|i hela landet|en todo el país|dans tout le pays|in heel het land|em todo o país|in tutto il paese|w całym kraju|landesweit|bundesweit|landelijk)(?!\p{L})/iu,
    /(?<!\p{L})(?:in the (?:county|region|province|state)|regionally|i länet|i \p{L}+ län|in der Region|dans la région|en la región|na região|nella regione|in de regio|w województwie)(?!\p{L})/iu,
  ],
  [/\b(?:men|man|male|boys?|sons?|fathers?|husbands?|brothers?|cock)\b/iu, /\b(?:women|woman|female|girls?|daughters?|mothers?|wife|wives|sisters?|hens?)\b/iu],
  [/\b(?:widen|widens|widened|widening|wider)\b/iu, /\b(?:narrow|narrows|narrowed|narrowing|narrower)\b/iu],
  [/\b(?:easy|easier)\b/iu, /\b(?:impossible|hard|harder|difficult)\b/iu],
  [/\b(?:continued|continues|kept|keep|keeps|keeping|extended)\b/iu, /\b(?:reversal|reversed|overturned|ended|scrap|scraps|scrapped|scrapping|abolish\p{L}*|ban)\b/iu],
  // Sides, not comparisons: "voted with" against "voted against", not "compared with 19 percent" against "against 19 percent".
  [/\b(?<!compared |along |together |in line |in common )with\b/iu, /\bagainst\b(?!\s[$€£]?\d)/iu],
  [/(?<!\p{L})(?:weekdays?|Wochentag\p{L}*|werktags|en semaine|entre semana|dias úteis|giorni feriali|doordeweeks)(?!\p{L})/iu, /(?<!\p{L})(?:weekends?|Wochenende\p{L}*|le week-end|fines de semana|fins de semana|fine settimana)(?!\p{L})/iu],
  [/(?<!\p{L})(?:für|pour|a favor|a favore)(?!\p{L})/iu, /(?<!\p{L})(?:gegen|contre|en contra|contro)(?!\p{L})/iu],
  [/(?<!\p{L})(?:exports?|exported|exportaciones|exportations?|Exporte?|exportações|esportazioni|uitvoer|export)(?!\p{L})/iu, /(?<!\p{L})(?:imports?|imported|importaciones|importations?|Importe?|importações|importazioni|invoer|import)(?!\p{L})/iu],
  [/\bmore likely\b/iu, /\bless likely\b/iu],
  [/\b(?:faster|quicker)\b/iu, /\bslower\b/iu],
  // "Costs the council more than street trees".
  [/\b(?:cheaper|less expensive|costs? (?:\p{L}+ ){0,3}less)\b/iu, /\b(?:dearer|pricier|more expensive|costlier|costs? (?:\p{L}+ ){0,3}more)\b/iu],
  [/\bboth\b/iu, /\b(?:alone|only one)\b/iu],
  [/\bevery\b/iu, /\bhalf\b/iu],
  [/\ball\b/iu, /\bonly\b/iu],
  [/\bsupport(?:s|ed|ing)?\b/iu, /\boppos(?:e|es|ed|ing)\b/iu],
  [/\b(?:morning|afternoon|daytime|day-time)\b/iu, /\b(?:night|night-time|nighttime|overnight|evening)\b/iu],
  [/\b(?:fail|fails|failed|failure|unsuccessful)\b/iu, /\b(?:success|successful|succeeded)\b/iu],
  [/\bbetter\b/iu, /\bworse\b/iu],
  [/\blow\b/iu, /\bhigh\b/iu],
  // "320 metres shorter than the current route" against "adds 320 metres to the path" (not "no longer", a denial).
  [/\b(?:shorter|shorten|shortens|shortened|shortening)\b/iu, /\b(?<!(?:no|any) )longer\b|\b(?:lengthen\p{L}*|adds|adding)\b/iu],
  // A day alone against the whole weekend: "3,460 visitors on Saturday alone" against "over the weekend".
  [/\bon (?:Satur|Sun)day alone\b/iu, /\b(?:over|across|during|at) the weekend\b/iu],
  // What a cost pays for: buying against upkeep.
  [/\b(?:buy|purchase|install)\b/iu, /\b(?:maintain|maintenance|upkeep)\b/iu],
  // Links made against links ended: "have formed new twinning links" against "have ended twinning arrangements".
  [/\b(?:form|forms|formed|forming|creat(?:e|es|ed|ing)|establish(?:es|ed|ing)?|set up)\b/iu, /\b(?:end|ends|ended|ending|dropp(?:ed|ing)|scrap(?:s|ped|ping)?|abolish(?:es|ed|ing)?|dissolv(?:e|es|ed|ing))\b/iu],
  // French "dépasse 8 euros" against "moins de 8 euros".
  [/(?<!\p{L})(?:more|más|plus|mehr|mais|più|meer|więcej|dépass\p{L}*)(?!\p{L})/iu, /(?<!\p{L})(?:fewer|less|menos|moins|weniger|meno|minder|mniej)(?!\p{L})/iu],
  // Polish "większa" (larger) and "mniejsza" (smaller) in their forms.
  [/(?<!\p{L})(?:under|below|smaller|mniejsz\p{L}*)(?!\p{L})/iu, /(?<!\p{L})(?:above|larger|bigger|większ\p{L}*)(?!\p{L})/iu],
  // "Well below inflation" against "outpacing inflation" (not "under", also "under the new rules").
  [/\bbelow\b/iu, /\b(?:exceed(?:s|ed|ing)?|outpac(?:e|es|ed|ing)|outstrip(?:s|ped|ping)?)\b/iu],
  [/\b(?:largest|biggest)\b/iu, /\bsmallest\b/iu],
  [/\bsevere\b/iu, /\b(?:moderate|mild)\b/iu],
  // A verdict and a court's decision on custody.
  [/\bconvicted\b/iu, /\b(?:cleared|acquitted)\b/iu],
  [/\bbail\b/iu, /\bremanded\b/iu],
  // What a figure counts: "by volume" against "by value", households against people, members against staff.
  [/\bvolumes?\b/iu, /\bvalue\b/iu],
  // A vote's margin: "voted unanimously" against "by a narrow majority".
  [/(?<!\p{L})(?:unanimous(?:ly)?|einstimmig|à l['’]unanimité|por unanimidad|por unanimidade|all['’]unanimità|unaniem|enhälligt|jednogłośnie)(?!\p{L})/iu, /(?<!\p{L})(?:majority|split vote|Mehrheit|majorité|mayoría|maioria|maggioranza|meerderheid|majoritet|większością)(?!\p{L})/iu],
  [/\bhouseholds?\b/iu, /\b(?:people|residents|individuals)\b/iu],
  [/(?<!\p{L})(?:members?(?! of staff)|leden|membres|miembros|membros|Mitglieder|medlemmar)(?!\p{L})/iu, /(?<!\p{L})(?:employees?|staff|workforce|werknemers|medewerkers|salariés|employés|empleados|trabajadores|funcionários|Beschäftigte|Mitarbeiter|anställda)(?!\p{L})/iu],
  // A result, not who beat whom ("win over", "defeat by": the roles' reading).
  [/\b(?:defeat|loss)\b(?! (?:by|to)\b)/iu, /\b(?:win|victory)\b(?! (?:over|against)\b)/iu],
  [/\b(?:drew|draw|drawn)\b/iu, /\b(?:beat|won|win|lost|defeated)\b/iu],
  [/\btop\b/iu, /\bbottom\b/iu],
  // "In the north of the county" against "in the south" ("north-east" against "south-east"; not French "est" or Spanish "este", other words too).
  [/(?<!\p{L})(?:north|northern|nord|norte|noord|norra|północ\p{L}*)(?!\p{L})/iu, /(?<!\p{L})(?:south|southern|sud|sul|süd|zuid|södra|południ\p{L}*)(?!\p{L})/iu],
  [/(?<!\p{L})(?:east|eastern|oost|östra)(?!\p{L})/iu, /(?<!\p{L})(?:west|western|ouest|oeste|västra)(?!\p{L})/iu],
  // A date moved: "bring the work forward to next year" against "put back the work from next year".
  [/\b(?:bring|brings|bringing|brought|move|moves|moving|moved)\b[^.,;]{0,40}?\bforward\b/iu, /\b(?:put|puts|putting|push|pushes|pushing|pushed)\b[^.,;]{0,40}?\bback\b|\b(?:delay|delays|delayed|postpone|postpones|postponed)\b/iu],
  [/\bheadwinds?\b/iu, /\btailwinds?\b/iu],
  [/\bone-off\b/iu, /\b(?:every year|each year|annual|yearly|recurring|permanent)\b/iu],
  // Not "close to", a bound.
  [/\b(?:open|opens|opened|opening)\b/iu, /\b(?:close|closes|closed|closing)\b(?! to\b)/iu],
  // "In the spring of 2023" against "in the autumn of 2023" ("fall" and Italian "estate" are other words too).
  ...eachAgainstEachOther([
    "spring|springtime|printemps|primavera|Frühling|Frühjahr|voorjaar|lente|wiosn(?:a|ą|ę|y|ie)",
    "summer|summertime|été|verano|verão|Sommer|zomer|lato|latem",
    "autumn|automne|otoño|outono|autunno|Herbst|herfst|najaar|jesie(?:ń|ni|nią)",
    "winter|wintertime|hiver|invierno|inverno|zim(?:a|ą|ę|y|ie)",
  ]),
  // "Prévue dimanche" against "prévue samedi".
  ...eachAgainstEachOther([
    "Mondays?|lundi|lunes|lunedì|Montags?|maandag|segunda-feira",
    "Tuesdays?|mardi|martes|martedì|Dienstags?|dinsdag|terça-feira",
    "Wednesdays?|mercredi|miércoles|mercoledì|Mittwochs?|woensdag|quarta-feira",
    "Thursdays?|jeudi|jueves|giovedì|Donnerstags?|donderdag|quinta-feira",
    "Fridays?|vendredi|viernes|venerdì|Freitags?|vrijdag|sexta-feira",
    "Saturdays?|samedi|sábado|sabato|Samstags?|zaterdag",
    "Sundays?|dimanche|domingo|domenica|Sonntags?|zondag",
  ]),
  // "En juin" against "en juillet", "15 marzo" against "15 May"; English "March" and "May" only by a date's
  // words, not as a protest march or a verb.
  ...eachAgainstEachOther(MONTH_NAMES.map((names, i) => (i === 2 || i === 4 ? `${ENGLISH_MONTH(ENGLISH_MONTHS[i])}|${names}` : `${ENGLISH_MONTHS[i]}|${names}`))),
];

/** Each of a few words that exclude each other (the seasons, the days of the week), against each other one. */
function eachAgainstEachOther(groups: string[]): Array<[RegExp, RegExp]> {
  const words = groups.map((group) => new RegExp(`(?<!\\p{L})(?:${group})(?!\\p{L})`, "iu"));
  return words.flatMap((x, i) => words.slice(i + 1).map((y): [RegExp, RegExp] => [x, y]));
}

/**
 * Other languages' ordinals, by their value: "deuxième" is "second". Not those that are other
 * words too: "segundo" (according to), "primo" (cousin), "andra" (other), "quarta" (Wednesday's).
 */
const FOREIGN_ORDINALS: Record<string, number> = Object.fromEntries(
  [
    "premier première primero primera primeiro primeira erste ersten erster erstes eerste första",
    "deuxième zweite zweiten zweiter zweites tweede",
    "troisième tercero tercera terceiro terceira dritte dritten dritter drittes derde tredje",
    "quatrième vierte vierten vierter viertes vierde fjärde",
  ].flatMap((words, i) => words.split(" ").map((w) => [w, i + 1])),
);
/** Ordinals in words or digits, in any of these languages: "the fourth wicket" against "the fifth". */
const ORDINAL = new RegExp(`(?<![\\p{L}\\d])(?:first|${ORDINALS}|${Object.keys(FOREIGN_ORDINALS).join("|")})(?!\\p{L})`, "giu");
const ordinalValue = (word: string) => (word === "first" ? 1 : (ORDINAL_VALUES[word] ?? FOREIGN_ORDINALS[word] ?? Number.parseInt(word, 10)));

/** A span of time an ordinal counts: "its third week" is not "its third day". */
const COUNTED_SPAN = /^[ -](day|week|month|year)s?\b/iu;

/** An ordinal's value with the span it counts, if it names one: [3, "week"], [1, undefined] ("the first of every month"). */
type CountedSpan = readonly [value: number, span: string | undefined];
const countedSpans = (text: string): CountedSpan[] =>
  Array.from(text.matchAll(ORDINAL), (m) => [ordinalValue(m[0].toLowerCase()), COUNTED_SPAN.exec(text.slice(m.index + m[0].length))?.[1].toLowerCase()] as const);

/** One ordinal counting one span in a claim and another in the other, never the same: "its third week" against "its third day". */
function spanCountedChanged(sa: CountedSpan[], sb: CountedSpan[]): boolean {
  const changed = (x: CountedSpan[], y: CountedSpan[]) =>
    x.some(([value, span]) => {
      const spansThere = new Set(y.filter(([v, s]) => v === value && s).map(([, s]) => s));
      return span !== undefined && spansThere.size > 0 && !spansThere.has(span);
    });
  return changed(sa, sb) && changed(sb, sa);
}

/** Each claim has an ordinal the other lacks, in any language, or counts another span by it: one detail counted differently. */
function ordinalSwapped(a: string, b: string): boolean {
  const [sa, sb] = [countedSpans(a), countedSpans(b)];
  const [oa, ob] = [sa, sb].map((spans) => new Set(spans.map(([value]) => value)));
  return ([...oa].some((o) => !ob.has(o)) && [...ob].some((o) => !oa.has(o))) || spanCountedChanged(sa, sb) || rankAdded(a, b) || rankAdded(b, a);
}

/** A superlative ranked by an ordinal: "the third best-selling", "the second-largest". */
const RANKED_SUPERLATIVE = new RegExp(`(?<![\\p{L}\\d])(?:${ORDINALS})[- ](best|worst|most|least|\\p{L}{3,}est)(?!\\p{L})`, "giu");
/** One claim ranks a superlative the other states unranked: "the third best-selling car" against "the best-selling car". */
function rankAdded(ranked: string, other: string): boolean {
  return Array.from(ranked.matchAll(RANKED_SUPERLATIVE), ([, superlative]) => superlative).some((superlative) =>
    new RegExp(`(?<!(?:${ORDINALS})[- ])(?<!\\p{L})${superlative}(?!\\p{L})`, "iu").test(other),
  );
}

/**
 * Words that tie a winner to a loser, a leader to who it passed, or a buyer to what it buys, read
 * as one placeholder: "X beat Y", "X's win over Y", "X outpaced Y", "X agreed to buy Y"; "Y lost
 * to X", "Y was beaten by X" and "Y was bought by X" read with the two sides turned round.
 */
const RELATIONS: Array<[RegExp, string]> = [
  [/\b(?:lost to|loses to|lose to|beaten by|defeated by|overtaken by|outpaced by|outnumbered by|outsold by|outscored by|outshot by|outperformed by|defeat by|defeat to|loss to|behind|trails?|trailing|trailed|bought by|acquired by|taken over by|sold to)\b/giu, " qqinv "],
  [/\b(?:beat|beats|beating|defeated|defeats|wins? over|victory over|won against|won|wins|outpaced|outpaces|outpace|outpacing|outshot|outshoots|outscored|outscores|outnumbered|outnumber|outnumbers|outsold|outsells|outperformed|outperforms|outstripped|outstrips|outstripping|overtook|overtakes|overtaking|surpassed|surpasses|surpassing|rather than|instead of|ahead of|clear of|leads|leading|agreed to buy|bought|buys|acquired|acquires|took over|takes over|takeover of)\b/giu, " qqrel "],
];

/** Who stands before a relation's word and who after: turned round for "lost to". */
type RelationSides = { before: Set<string>; after: Set<string> } | null;
function relationSides(text: string): RelationSides {
  const words = contentSequence(normaliseNumbers(RELATIONS.reduce((t, [pattern, placeholder]) => t.replace(pattern, placeholder), text)));
  const at = words.findIndex((w) => w === "qqrel" || w === "qqinv");
  if (at < 0) return null;
  const [before, after] = [new Set(words.slice(0, at)), new Set(words.slice(at + 1))];
  return words[at] === "qqinv" ? { before: after, after: before } : { before, after };
}

/** The two sides of a relation turned round: "Athletic beat Rovers" against "Rovers' win over Athletic". */
function rolesSwapped(sa: RelationSides, sb: RelationSides): boolean {
  if (!sa || !sb) return false;
  const meets = (x: Set<string>, y: Set<string>) => [...x].some((w) => y.has(w));
  return meets(sa.before, sb.after) && meets(sa.after, sb.before);
}

/**
 * Behind against ahead, when the roles' reading cannot read two sides in both claims ("a point or
 * two ahead" against "trailing by a point or two"); with both, the roles decide.
 */
const SIDES: [RegExp, RegExp] = [/\b(?:behind|trail|trails|trailing)\b/iu, /\b(?:clear|ahead|lead|leads|leading)\b/iu];

/** How many words of one claim stand in the other as their opposites; `bothRelated`: the roles' reading read two sides in each. */
function antonymsSwapped(a: string, b: string, bothRelated: boolean): number {
  const opposites = bothRelated ? ANTONYMS : [...ANTONYMS, SIDES];
  const listed = opposites.filter(([x, y]) => (x.test(a) && !x.test(b) && y.test(b) && !y.test(a)) || (y.test(a) && !y.test(b) && x.test(b) && !x.test(a))).length;
  return listed + (negativeFormSwapped(a, b) ? 1 : 0);
}

/**
 * The prefixes that make an English word its own negative: "liked" and "disliked", "likely" and "unlikely"; "in-", "im-",
 * "il-" and "ir-" only before an adjective's ending ("incorrect", "impossible", "illegal"), not "income" against "come".
 */
const NEGATIVE_PREFIX = /^(?:un|dis|non-?|(?:in|im|il|ir)(?=\p{L}*(?:ble|ent|ant|al|ate|ect|ive|ic|ar)$))(?=\p{L}{4})/u;

/** One claim has a word the other has only with a negative prefix: "liked being asked" against "disliked being asked". */
function negativeFormSwapped(a: string, b: string): boolean {
  const wordsOf = (text: string) => new Set(Array.from(text.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu), ([w]) => w));
  const [wa, wb] = [wordsOf(a), wordsOf(b)];
  // The plain word's claim must deny nothing: "has not been claimed" restates "unclaimed".
  const negatedIn = (words: Set<string>, plain: Set<string>, plainText: string) =>
    !denies(plainText) && [...words].some((w) => NEGATIVE_PREFIX.test(w) && !plain.has(w) && plain.has(w.replace(NEGATIVE_PREFIX, "")) && !words.has(w.replace(NEGATIVE_PREFIX, "")));
  return negatedIn(wb, wa, a) || negatedIn(wa, wb, b);
}

/** A claim's content words as written, and its figures, in order. */
function contentWords(normalised: string): string[] {
  return Array.from(normalised.matchAll(/[\p{L}\p{N}]+(?:[.,]\d+)*/gu), ([w]) => w).filter((w) => !STOP.has(w.toLowerCase()));
}

/** A word cut to its stem (a figure whole). */
const stemOf = (word: string) => (/^\d/u.test(word) ? word : word.toLowerCase().slice(0, 5));

/** A claim's content words cut to their stems, and its figures, in order. */
function contentSequence(normalised: string): string[] {
  return contentWords(normalised).map(stemOf);
}

/** The longest common subsequence of two sequences, as the index pairs it aligns. */
function alignment(a: string[], b: string[]): Array<[number, number]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * How far one claim is a copy of the other with a detail changed: the share of the shorter
 * one's content words the two share in order, when between two of them one or two words or
 * figures stand in the place of as many others ("in Europe" for "worldwide", "opened" for
 * "closed", "$310 million" for "$90 million", "in Toledo on Monday" for "in Dayton on
 * Saturday"), or when every word is kept in another order ("inflation outpaced wage growth");
 * else 0. A restatement rewords more freely, and a copy cut short changes nothing.
 */
function copiedWithAChange(sa: string[], sb: string[], aligned = alignment(sa, sb)): number {
  const share = aligned.length / Math.max(1, Math.min(sa.length, sb.length));
  // One or two words on each side, as many on both, between two aligned ones.
  const substituted = aligned.slice(1).some(([i, j], k) => [2, 3].includes(i - aligned[k][0]) && [2, 3].includes(j - aligned[k][1]));
  const [fewer, more] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  const reordered = aligned.length < fewer.length && fewer.every((w) => more.includes(w));
  return substituted || reordered ? share : 0;
}

/** Past this share of the shorter claim's content words kept in order, one claim reads as the other with a word put in. */
const SWAP_COPY = 0.75;
/** Words that name who without saying which, as a name may: possessives, a body ("the company" for "Nordmetall"), "there" for a place. */
const REFERENTS =
  /^(?:our|their|his|her|its|him|them|us|me|s|company|firm|group|council|government|city|country|authority|club|team|bank|business|retailer|operator|agency|department|ministry|union|charity|town|village|region|county|party|side|hospital|school|university|museum|study|survey|report|researchers|officials|spokesman|spokeswoman|spokesperson|there|here|then|now)$/iu;
const isName = (word: string) => /^\p{Lu}/u.test(word);
/** The directions a few words name: "rose" and "climbed" up, "fell" and "slipped" down. */
const directionsOf = (words: string[]) => {
  const text = words.join(" ");
  return Object.keys(DIRECTIONS).filter((direction) => text.search(DIRECTIONS[direction]) >= 0 || (direction !== "held" && words.includes(direction)));
};

/**
 * One claim is the other with one or two words put in the place of as many others, not figures: "in the app group"
 * against "in the clinic group", "pigeon sales" against "online sales". Not when the words name who ("the company"
 * against "Nordmetall", "we" against "Brennock") or one direction ("fell" against "dropped"): a copy whose one change
 * is a word names another thing, where a rewording of the same claim changes more.
 */
function swappedWord(wordsA: string[], wordsB: string[], aligned: Array<[number, number]>): boolean {
  if (aligned.length < SWAP_COPY * Math.min(wordsA.length, wordsB.length)) return false;
  const bounds: Array<[number, number]> = [[-1, -1], ...aligned, [wordsA.length, wordsB.length]];
  // A side of one- and two-letter words ("if" against "owners") is a sentence's frame, not a detail.
  const changes = bounds
    .slice(1)
    .map(([i, j], k) => [wordsA.slice(bounds[k][0] + 1, i), wordsB.slice(bounds[k][1] + 1, j)])
    .filter(([x, y]) => x.some((w) => w.length > 2) && y.some((w) => w.length > 2));
  if (changes.length !== 1) return false;
  const [[x, y]] = changes;
  if (x.length > 2 || y.length > 2 || [...x, ...y].some((w) => /\d/u.test(w))) return false;
  const namesWho = [...x, ...y].some((w) => PRONOUNS.has(w.toLowerCase()) || REFERENTS.test(w)) || x.some(isName) !== y.some(isName);
  const oneDirection = directionsOf(x).some((direction) => directionsOf(y).includes(direction));
  // One word in another form ("newly" for "new"), which the five-letter stems part.
  const oneWord = x.some((w) => y.some((v) => {
    const [p, q] = [w.toLowerCase(), v.toLowerCase()];
    return Math.min(p.length, q.length) >= 3 && (p.startsWith(q) || q.startsWith(p));
  }));
  return !namesWho && !oneDirection && !oneWord;
}

/** Words that deny what they stand beside, in the languages of the corpus; not in a compound ("no-shows", "non-attendance"), except "no-one". */
const NEGATION = /(?<!\p{L})(?:not|never|no|nobody|none|nothing|neither|nor|cannot|\p{L}+n['’]t|pas|jamais|aucun|aucune|personne|nicht|nie|niemals|kein|keine|keinen|keiner|nunca|nadie|ninguno|ninguna|não|nenhum|ninguém|inte|ej|aldrig|ingen|inget|inga|niet|geen|nooit|niets|niemand|non|nessuno|nessuna|niente)(?!\p{L}|-(?!one(?!\p{L}))\p{L})/iu;

/**
 * Verbs and words that deny without a "not": "ruled out NATO membership" restates "would not
 * accept NATO membership", "dismissed", "rejected", "unrealistic" likewise; "was unable to get" restates "couldn't get",
 * "failed to consult" "did not consult".
 */
const DENIAL = /(?<!\p{L})(?:rul\p{L}* out|turn\p{L}* down|dismiss\p{L}*|reject\p{L}*|refus\p{L}*|den(?:y|ies|ied|ying)|unable|fail(?:s|ed|ing)? to|unrealistic|unlikely|impossible|backtrack\p{L}*|pull\p{L}* back|without|exclud\p{L}*|sans|sin|sem|ohne)(?!\p{L})/iu;

/** A claim without its words of denial, so that "will not be valid" is a copy of "will be valid". */
const withoutDenials = (text: string) => text.replace(new RegExp(NEGATION.source, "giu"), " ");

/**
 * Where a claim's clauses part: a comma, semicolon or colon before a space (not the decimal comma
 * of "7,5"), and the words that join two statements in the corpus's languages (not those that are
 * English words too: Polish "a" and "i", Swedish "men").
 */
const CLAUSE_BREAK = /[,;:](?=\s)|(?<!\p{L})(?:and|but|while|whereas|och|medan|y|pero|mientras|et|mais|tandis que|alors que|und|aber|während|e|ma|mentre|en|maar|terwijl|ale|natomiast|mas|enquanto)(?!\p{L})/giu;

/** A claim without its contrasts ("Europe, not the US, should …", "rather than the U.S.") and asides ("not involved in the study"), which name who and deny nothing. */
const uncontrasted = (text: string) =>
  text
    // Not "not including" or "not counting", which deny what the figure holds: "£14,200, not including mortgages".
    // Nor "not that", which denies what follows it: "where hedgehogs were hanging on, not that they were thriving".
    .replace(/,\s?(?:not(?! (?:including|counting|that)\b)|rather than|instead of)\b[^,]*/giu, "")
    .replace(/\b(?:rather than|instead of)\b/giu, "")
    // A bound, no denial: "no higher than 20%" restates "20 per cent or less".
    .replace(/\bno (?:more|higher|greater|bigger|larger|less|fewer|lower|smaller|later|earlier|sooner|longer) than\b/giu, "at most")
    // A record, no denial: "not since 2015 have so few" restates "the lowest since 2015"; "nog geen 1.200" is "fewer than 1,200".
    .replace(/(?<!\p{L})(?:not|niet|nicht) (?=since|sinds|seit)/giu, "")
    .replace(/(?<!\p{L})nog geen (?=\d)/giu, "at most ")
    // Who speaks, not what is claimed: "a professor not involved in the study".
    .replace(/\bnot (?:involved in|part of|connected with|affiliated with)\b/giu, "");
const denies = (text: string) => {
  const plain = uncontrasted(text);
  return NEGATION.test(plain) || DENIAL.test(plain);
};

/** How many content words on each side of a denial it is read to deny. */
const DENIED_REACH = 3;
/** Words a denial carries that are not what it denies: "has not yet committed any money" denies the money. */
const DENIAL_FILLER = /^(?:yet|any|ever|still|even)$/iu;

/**
 * The word stems a claim's denials stand beside, in their own clause: "asked not to be named"
 * denies "asked" and "named", not the claim the sentence makes.
 */
function deniedStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const clause of uncontrasted(text).split(CLAUSE_BREAK)) {
    const words = Array.from(clause.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu), ([w]) => w);
    const denial = words.map((w, i) => NEGATION.test(w) || DENIAL.test(w) || DENIAL.test(`${w} ${words[i + 1] ?? ""}`));
    const content = words.map((w, i) => ({ stem: w.toLowerCase().slice(0, 5), i, kept: !STOP.has(w.toLowerCase()) && !DENIAL_FILLER.test(w) && !denial[i] })).filter((w) => w.kept);
    words.forEach((_, i) => {
      if (!denial[i]) return;
      const before = content.filter((w) => w.i < i).slice(-DENIED_REACH);
      const after = content.filter((w) => w.i > i).slice(0, DENIED_REACH);
      for (const w of [...before, ...after]) stems.add(w.stem);
    });
  }
  return stems;
}

/**
 * Whether one claim denies what the other states: one says "not", "never" or "no" (not as a
 * contrast), or a word that denies, beside a word the other claim states; the other neither. A
 * denial of something the other never says ("who asked not to be named", "without cars") denies
 * nothing of it.
 */
function negationMismatch(a: string, b: string): boolean {
  const deniesA = denies(a);
  if (deniesA === denies(b)) return false;
  const [denying, other] = deniesA ? [a, b] : [b, a];
  const stated = new Set(Array.from(other.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu), ([w]) => w.slice(0, 5)));
  return [...deniedStems(denying)].some((stem) => stated.has(stem));
}

/**
 * Words that put the next few in the future or in a plan: "will", "would", "plans", "expects", "doivent",
 * "moet", "vai", "ska", "zostanie"; not "could" or "may", which hedge a fact as often as they plan one.
 */
const PLAN = /^(?:will|won['’]t|\p{L}+['’]ll|would|shall|plans|planned|aims?|aimed|intends?|intended|expects|hopes|hoped|wants?|wanted|promised?|pledged?|vowed?|should|va|vont|sera|seront|devra|devront|doit|doivent|devrait|devraient|prévoit|prevé|prevê|prevede|zal|zullen|gaat|gaan|moet|moeten|vai|vão|irá|irão|deverá|deverão|wird|werden|soll|sollen|ska|skall|kommer|sarà|saranno|dovrà|zostanie|zostaną|będzie|będą)$/iu;
/** Words that plan with a "to" after them: "is due to arrive", "is set to", "yet to", "is expected to be confirmed", "is to close" (not "is to 4%"), "agreed to plant". */
const PLAN_WITH_TO = /^(?:plan|going|set|due|yet|is|are|expected|likely|agreed|agrees)$/iu;
/** A verb in a past form: "published", "gepubliceerd", "goedgekeurd", "publiés", "publicou", "decidiu", "levantó", "decidido", "publicerade", "wybrała". */
const PAST_FORM = /^(?:\p{L}{3,}ed|(?:\p{L}{2,5})?ge\p{L}{3,}[dt]|\p{L}{3,}(?:é|ée|és|ées|ou|iu|aram|iram|ó|aron|ieron|ado|ido|ade|ades|ał|ała|ało|ały|ił|iła|iło|iły|ył|yła|yło|yły))$/iu;
/** English verbs whose past form has no "-ed", by their plain form: "spent" is "spend" done, as "published" is "publish". */
const IRREGULAR_PAST = new Map(
  Object.entries({
    spent: "spend", sold: "sell", ran: "run", won: "win", lost: "lose", built: "build", paid: "pay", made: "make", took: "take", taken: "take",
    gave: "give", given: "give", bought: "buy", brought: "bring", kept: "keep", held: "hold", found: "find", left: "leave", met: "meet",
    began: "begin", begun: "begin", wrote: "write", written: "write", chose: "choose", chosen: "choose", broke: "break", broken: "break",
    drove: "drive", driven: "drive", came: "come", became: "become", sent: "send", struck: "strike", lent: "lend", dug: "dig",
    fought: "fight", led: "lead", sought: "seek", taught: "teach", threw: "throw", thrown: "throw", rose: "rise", risen: "rise",
    fell: "fall", fallen: "fall", grew: "grow", grown: "grow",
  }),
);
/** A verb in the future by its ending, a plan of its own: "levantará", "abrirão", "aprirà", "ouvriront". */
const FUTURE_FORM = /^\p{L}{3,}(?:rá|rán|rão|rà|ranno|eront)$/iu;
/** How many words after a word of plan it reads as planned ("moet nog door de Staten worden goedgekeurd"). */
const PLANNED_REACH = 6;
/** The passive's auxiliary: a past form just after it ("could be properly funded") states nothing done. */
const PASSIVE_BE = /^(?:be|worden|werden|être|ser)$/iu;

/** The stems a claim plans (in a clause with a word of plan before them), and those it states done, in a past form. */
function plannedAndDone(text: string): { planned: Set<string>; done: Set<string>; plans: boolean } {
  const [planned, done] = [new Set<string>(), new Set<string>()];
  let plans = false;
  // "ge" off the Dutch participle, so "gepubliceerd" reads as "publiceren" does.
  const stem = (word: string) => word.toLowerCase().replace(/^ge(?=\p{L}{5})/u, "").slice(0, 5);
  for (const clause of text.split(CLAUSE_BREAK)) {
    // Hyphenated words whole: "heat-related" is no verb.
    const words = Array.from(clause.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu), ([w]) => w);
    // Not a comparison: "three times as likely to record them".
    const compares = (i: number) => /^(?:as|more|less|most|least|equally)$/iu.test(words[i - 1] ?? "");
    const isPlan = words.map((w, i) => PLAN.test(w) || (PLAN_WITH_TO.test(w) && words[i + 1]?.toLowerCase() === "to" && !/^\d/u.test(words[i + 2] ?? "") && !compares(i)));
    // Whether any of the `reach` words before word i passes `test`.
    const within = (i: number, reach: number, test: (j: number) => boolean) => {
      for (let j = Math.max(0, i - reach); j < i; j++) if (test(j)) return true;
      return false;
    };
    words.forEach((word, i) => {
      if (isPlan[i]) plans = true;
      else if (FUTURE_FORM.test(word)) {
        plans = true;
        planned.add(stem(word));
      } else if (within(i, PLANNED_REACH, (j) => isPlan[j])) planned.add(stem(word));
      else if ((PAST_FORM.test(word) || IRREGULAR_PAST.has(word.toLowerCase())) && !within(i, 2, (j) => PASSIVE_BE.test(words[j]))) done.add(stem(IRREGULAR_PAST.get(word.toLowerCase()) ?? word));
    });
  }
  return { planned, done, plans };
}

/**
 * One claim plans what the other states done, with no plan of its own: "will publish" against
 * "published", "would appoint" against "appointed", "moet nog worden goedgekeurd" against "hebben
 * goedgekeurd". A plan and its deed are two claims, each checked on its own.
 */
function plannedAgainstDone(a: string, b: string): boolean {
  const [ra, rb] = [plannedAndDone(a), plannedAndDone(b)];
  // A stem shorter than five letters is the whole word, whose past form is longer: "vote" and "voted", "fit" and "fitted".
  const pastForms = (word: string) => [`${word}d`, `${word}ed`, `${word}${word.at(-1)}ed`].map((past) => past.slice(0, 5));
  const doneAs = (stem: string, done: Set<string>) => done.has(stem) || (stem.length < 5 && pastForms(stem).some((past) => done.has(past)));
  const plansWhatIsDone = (x: typeof ra, y: typeof rb) => !y.plans && [...x.planned].some((s) => s.length >= 3 && doneAs(s, y.done));
  return plansWhatIsDone(ra, rb) || plansWhatIsDone(rb, ra);
}

/**
 * Words of direction, each side's: up (rose, rising, grew, above), down (fell, falling, slipped,
 * below) and held (unchanged, levelled off). Compared word by word, so "rose … still rising"
 * against "rose … falling" counts: a word of one direction on one side only, and a word of
 * another on the other side only.
 */
const DIRECTIONS: Record<string, RegExp> = {
  up: /(?<!\p{L})(?:rise|rises|rising|rose|risen|grow|grows|growing|grew|grown|jumped|jumps|soared|surged|climbed|increase|increases|increased|increasing|gained|higher|above|über|superar|supera|acima|hausse|augmenté|subió|aumentó|aumento|aumentou|aumentaram|cresceu|subida|aumentat[oaie]|cresciut[oaie]|salit[oaie]|gestiegen|stieg|steigt|steigen|erhöht|erhöhen|angehoben|gestegen|steeg|stijgt|hoger|höjdes|höjs|höjt|ökade|ökar|ökat|steg|stiger|wzrósł|wzrosła|wzrosło|wzrosły|up from|up by|(?:go|goes|going|went|gone) up)(?!\p{L})/giu,
  down: /(?<!\p{L})(?:fall|falls|falling|fell|fallen|drop|dropped|drops|dropping|slipped|slips|shrank|shrunk|shrinking|declined|declining|decrease|decreases|decreased|decreasing|lower|below|unter|abaixo|baisse|baissé|reculé|bajó|cayó|caiu|diminuiu|queda|descida|calat[oaie]|sces[oaie]|diminuit[oaie]|calo|gesunken|sank|sinkt|sinken|gesenkt|senkt|gedaald|daalde|daalt|lager|sänktes|sänks|sänkt|minskade|minskar|minskat|sjönk|sjunker|spadł|spadła|spadło|spadły|down from|down by|(?:go|goes|going|went|gone) down)(?!\p{L})/giu,
  held: /(?<!\p{L})(?:unchanged|flat|steady|levelled off|leveled off|plateaued|stable|stabil|stabile|stabili|stabiel|estable|estables|estável|invariat[oaie]|frozen|bevroren|eingefroren|congelad[oa]s?|congelat[oaie]|gelée?s?|oförändrad|ongewijzigd|stagnated|inchangé|unverändert|sin cambios)(?!\p{L})/giu,
};

/** The direction named just before each figure a claim states: "rose by 12 percent", "a fall of 5 percent". */
function directionByFigure(text: string): Map<number, string> {
  // Found in the whole text once (a window cut from it would read "Foot|fall" as "fall").
  const named = Object.entries(DIRECTIONS).flatMap(([direction, pattern]) => Array.from(text.matchAll(pattern), (m) => ({ direction, at: m.index })));
  const byFigure = new Map<number, string>();
  for (const { value, start } of figureMentions(text)) {
    const nearest = named.filter(({ at }) => at < start && at >= start - 20).sort((x, y) => y.at - x.at)[0];
    if (nearest && !byFigure.has(value)) byFigure.set(value, nearest.direction);
  }
  return byFigure;
}

/**
 * One claim goes one way and the other another: each names a direction the other does not name
 * at all ("rose" against "fell"; "rose" against "climbed" is one direction), or one figure both
 * state goes up in one and down in the other ("computing rose by 12 percent" against "fell by 12").
 */
function directionSwapped(a: string, b: string): boolean {
  const named = (text: string) => new Set(Object.keys(DIRECTIONS).filter((d) => text.match(DIRECTIONS[d]) !== null));
  const [na, nb] = [named(a), named(b)];
  if ([...na].some((d) => !nb.has(d)) && [...nb].some((d) => !na.has(d))) return true;
  const [da, db] = [directionByFigure(a), directionByFigure(b)];
  return [...da].some(([value, d]) => {
    const other = [...db].find(([v]) => sameFigure(v, value))?.[1];
    return other !== undefined && other !== d;
  });
}

/** Figures both claims state, in the order the first states them. */
function sharedFiguresInOrder(a: number[], b: number[]): number[] {
  return a.filter((x) => b.some((y) => sameFigure(x, y)));
}

/** Two or more shared figures stated in another order: "from 5.2 to 6.1" against "from 6.1 to 5.2", "7,000 … 3,000" against "3,000 … 7,000". */
function figuresReordered(fa: number[], fb: number[]): boolean {
  const [sa, sb] = [sharedFiguresInOrder(fa, fb), sharedFiguresInOrder(fb, fa)];
  const firstIndex = (list: number[], x: number) => list.findIndex((y) => sameFigure(x, y));
  const order = sa.map((x) => firstIndex(sb, x)).filter((i, k, all) => all.indexOf(i) === k);
  return order.length >= 2 && order.some((i, k) => k > 0 && i < order[k - 1]);
}

/**
 * A time span of a rate, each side's: "an hour" against "a day", "a week" against "a day",
 * "per year" and "annually" alike. The claims differ when each names one and they share none.
 */
const RATES: Record<string, RegExp> = {
  halfHour: /(?<!\p{L})(?:half-hourly|every half hour|every 30 minutes)(?!\p{L})/iu,
  // Not "an hour a week", an hour counted per week.
  hour: /(?<!\p{L}|half-)(?:(?:an|a|per|each|every|pro|par|por) hour|hourly|(?:pro|par|por) (?:Stunde|heure|hora))(?!\p{L})(?! (?:ago|earlier|before|later)(?!\p{L}))(?! (?:a|per|each|every) (?:day|night|week|month|year)(?!\p{L}))/iu,
  day: /(?<!\p{L})(?:(?:a|per|each|every) (?:day|night)|nightly|jeden Tag|chaque jour|cada día|ogni giorno|elke dag|per dag|om dagen|dagligen|(?:co)?dziennie|al día|al giorno|on an? (?:average |typical )?(?:week)?day|daily|(?:pro|par|por|ao) (?:Tag|jour|día|dia)|täglich)(?!\p{L})(?! (?:ago|earlier|before|later)(?!\p{L}))/iu,
  week: /(?<!\p{L})(?:(?:a|per|each|every) week|jede Woche|chaque semaine|cada semana|ogni settimana|elke week|weekly|i veckan|per vecka|tygodniowo|w tygodniu|a la semana|alla settimana|(?:pro|par|por) (?:Woche|semaine|semana)|wöchentlich)(?!\p{L})(?! (?:ago|earlier|before|later)(?!\p{L}))/iu,
  month: /(?<!\p{L})(?:(?:a|per|each|every) month|jeden Monat|chaque mois|cada mes|ogni mese|elke maand|monthly|i månaden|per månad|miesięcznie|w miesiącu|al mes|(?:pro|par|por|ao|im) (?:Monat|mois|mes|mês)|per maand|al mese|monatlich|mensuel\p{L}*)(?!\p{L})(?! (?:ago|earlier|before|later)(?!\p{L}))/iu,
  // Not "im Jahr 2023", a year named; none of them "a year ago", a time.
  year: /(?<!\p{L})(?:(?:a|per|each|every) year|jedes Jahr|chaque année|cada año|ogni anno|elk jaar|annually|yearly|om året|per år|årligen|rocznie|al año|(?:pro|par|por|ao) (?:Jahr|an|año|ano)|im Jahr(?! \d)|per jaar|all['’]anno|jährlich|anual\p{L}*)(?!\p{L})(?! (?:ago|earlier|before|later)(?!\p{L}))/iu,
};

function rateMismatch(a: string, b: string): boolean {
  const [ra, rb] = [a, b].map((text) => Object.keys(RATES).filter((r) => RATES[r].test(text)));
  return (ra.length > 0 && rb.length > 0 && !ra.some((r) => rb.includes(r))) || everyOtherAgainstEvery(a, b) || everyOtherAgainstEvery(b, a);
}

/** The units a claim counts every other one of ("every other summer", "every second year", "every two years"), or every one of. */
const unitsEvery = (text: string, pattern: RegExp) => new Set(Array.from(text.matchAll(pattern), ([, unit]) => unit.toLowerCase().replace(/s$/u, "")));
const EVERY_OTHER = /(?<!\p{L})every (?:other|second|two|2) (\p{L}+)/giu;
const EVERY = /(?<!\p{L})(?:every|each) (\p{L}+)/giu;

/** One claim has something happen every other summer, the other every summer: "hosting a delegation every other summer" against "every summer". */
function everyOtherAgainstEvery(alternate: string, other: string): boolean {
  const otherAlternates = unitsEvery(other, EVERY_OTHER);
  const otherEvery = unitsEvery(other, EVERY);
  return [...unitsEvery(alternate, EVERY_OTHER)].some((unit) => otherEvery.has(unit) && !otherAlternates.has(unit));
}

/** Units with two names: "per kWh" is "per kilowatt hour". */
const PER_UNIT_NAMES: Record<string, string> = { head: "person", capita: "person", resident: "person", inhabitant: "person", people: "person", inwoner: "person", persoon: "person", kwh: "kilowatt", mwh: "megawatt" };

/** What a figure is counted per (English and Dutch "per"), other than a span of time (RATES'): "£30 per tonne", "7.4 tonnes per hectare"; "per head" and "per inwoner" are "per person". */
function perUnits(normalised: string): Set<string> {
  const units = Array.from(normalised.matchAll(/(?<!\p{L})per (\p{L}{3,})/giu), ([, unit]) => {
    const name = unit.toLowerCase();
    return PER_UNIT_NAMES[name] ?? name;
  });
  return new Set(units.filter((unit) => !/^(?:cent|hour|day|night|week|month|year|annum|minute|second|uur|dag|nacht|maand|jaar)s?$/u.test(unit)));
}

/** Each counts its figure per a unit the other does not: "per tonne" against "per hectare". */
function perUnitMismatch(a: string, b: string): boolean {
  const [ua, ub] = [perUnits(a), perUnits(b)];
  return ua.size > 0 && ub.size > 0 && ![...ua].some((unit) => ub.has(unit));
}

/**
 * The period a claim's figure covers: "over the past year", "in two years", "in November
 * alone", "this year", "three years ago", "in its first year". The claims differ when each names one and they share none.
 */
const MONTHS = ENGLISH_MONTHS.join("|").toLowerCase();
/** "Seit Anfang September", "depuis septembre": since a month in the other languages (German "September" written as English), compiled once. */
const SINCE_A_MONTH = MONTH_NAMES.map((names, i) => ({
  month: ENGLISH_MONTHS[i].toLowerCase(),
  pattern: new RegExp(`(?<!\\p{L})(?:seit|depuis|desde|dal|sinds|sedan|od)(?: (?:anfang|mitte|ende|début|fin|principios de|inizio|begin|eind|början av))? (?:${ENGLISH_MONTHS[i]}|${names})(?!\\p{L})`, "iu"),
}));
function periods(claim: ReadClaim): Set<string> {
  // "Up 27 per cent on the same period last year" compares year on year, as "on a year earlier" does.
  const digits = claim.digits.toLowerCase().replace(/\b(?:on|from|than|with) the same (?:period|qtr|month|week|time) (?:of |in )?(?:last year|a year (?:ago|earlier)|the previous year)\b/gu, "on a year earlier");
  const found = new Set<string>();
  // A sports or theatre season is the year it runs in: "the past five seasons" are five years, "this season" this year.
  const span = (unit: string) => (unit === "season" ? "year" : unit);
  for (const [, n, unit] of digits.matchAll(/\b(?:in|over|during) (?:the )?(?:past|last|previous) (?:(\d+) )?(year|month|week|decade|season)s?\b/gu)) found.add(`${n ?? 1} ${span(unit)}`);
  // Ahead, not past: "over the next three years" against "over the past three years"; "over three years" may be either.
  for (const [, n, unit] of digits.matchAll(/\b(?:in|over|during|within) (?:the )?(?:next|coming|following) (?:(\d+) )?(year|month|week|decade|season)s?\b/gu)) found.add(`next ${n ?? 1} ${span(unit)}`);
  for (const [, n, unit] of digits.matchAll(/\b(?:in|over) (\d+) (year|month|week|decade)s\b/gu)) found.add(`${n} ${unit}`).add(`next ${n} ${unit}`);
  // "En deux ans", "em 2 anos", "in drie jaar": over so many years, in the other languages ("en un an" is one).
  for (const [, n] of digits.matchAll(/(?<!\p{L})(?:en|em|in|på|innerhalb von) (\d+) (?:ans?|anos?|años?|anni|anno|jaar|jahren|jahre|år)(?!\p{L})/gu)) found.add(`${n} year`).add(`next ${n} year`);
  for (const [, month] of digits.matchAll(new RegExp(`\\bin (${MONTHS}) alone\\b`, "gu"))) found.add(month);
  for (const [, month] of digits.matchAll(new RegExp(`\\bsince (?:the (?:start|beginning|end|middle) of |early |late |mid-?)?(${MONTHS})\\b`, "gu"))) found.add(`since ${month}`);
  for (const { month, pattern } of SINCE_A_MONTH) if (pattern.test(digits)) found.add(`since ${month}`);
  // The start of the year is January: "since the start of the year" meets "since January" ("seit Anfang des Jahres").
  if (/(?<!\p{L})(?:since the (?:start|beginning) of the year|seit (?:anfang des jahres|jahresbeginn|jahresanfang)|depuis le début de l['’]année|desde (?:principios|comienzos|el inicio) de(?:l)? año|sinds (?:het )?begin van het jaar|sedan årsskiftet)(?!\p{L})/iu.test(digits)) found.add("this year").add("since january");
  // A company's half year against its full year: "the six months to September" and "half-year profit", not "annual profit".
  if (/\b(?:6 months (?:to|ended|ending)|6 months['’]? (?:pre-tax |operating |net )?(?:profits?|revenues?|sales|turnover|loss(?:es)?|earnings|results))\b/u.test(digits)) found.add("half year");
  if (/\b(?:annual|full[- ]year|yearly) (?:pre-tax |operating |net )?(?:profits?|revenues?|sales|turnover|loss(?:es)?|earnings|results)\b/u.test(digits)) found.add("1 year");
  if (/\b(?:on|than|from) (?:a|1) year (?:ago|earlier)\b|\byear[- ]on[- ]year\b/u.test(digits)) found.add("year on year");
  for (const [, which, unit] of digits.matchAll(/\b(this|last|next) (year|qtr|month|week|season|spring|summer|autumn|fall|winter)\b/gu)) found.add(`${which} ${span(unit)}`);
  // "Last year" is as often the past twelve months: "lost £1m a day last year" restates "over the past year".
  if (/\blast year\b/u.test(digits)) found.add("1 year");
  // "Down 7 % on the quarter", "on the previous month", "quarter on quarter": against which span a change is read.
  for (const [, unit] of digits.matchAll(/\bon the (?:previous |preceding )?(qtr|month|year)\b/gu)) found.add(`${unit} on ${unit}`);
  for (const [, unit] of digits.matchAll(/\b(qtr|month)[- ]on[- ](?:qtr|month)\b/gu)) found.add(`${unit} on ${unit}`);
  for (const [, n] of digits.matchAll(/\bqtr(\d)\b/gu)) found.add(`quarter ${n}`);
  for (const [, n] of digits.matchAll(/\bhalf(\d)\b/gu)) found.add(`half ${n}`);
  // A record over all time, not this year's: "the fastest ever" against "the fastest this year".
  if (/\b(?:ever|on record|all-time)\b/u.test(digits)) found.add("ever");
  if (/\b(?:so far this year|year to date)\b/u.test(digits)) found.add("this year");
  // "By midday" and "by noon", read as a time by now.
  if (/\b(?:by t1200|on the day|in early trading|by the close)\b/u.test(digits)) found.add("today");
  // "Two winters ago" against "last winter".
  for (const [, n, unit] of digits.matchAll(/\b(\d+) (year|month|week|spring|summer|autumn|winter)s? ago\b/gu)) found.add(`${n} ${unit} ago`);
  // A total over the first year, not a rate: "85,000 in its first year" against "85,000 a month".
  if (/\bin (?:its|their|the) first year\b/u.test(digits)) found.add("first year");
  return found;
}

/** A rate per year or month is a period of one: "9.4 million a year" against "over two years". */
const periodsAndRates = (claim: ReadClaim) =>
  new Set([...periods(claim), ...(["year", "month", "week"] as const).filter((unit) => RATES[unit].test(claim.text)).map((unit) => `1 ${unit}`)]);

function periodMismatch(a: ReadClaim, b: ReadClaim): boolean {
  const [pa, pb] = [periodsAndRates(a), periodsAndRates(b)];
  // A half year not said to be the first or second meets either: "the six months to September" meets "first-half revenue".
  const meets = (p: string, q: string) => p === q || (p === "half year" && /^half \d$/u.test(q)) || (q === "half year" && /^half \d$/u.test(p));
  return pa.size > 0 && pb.size > 0 && ![...pa].some((p) => [...pb].some((q) => meets(p, q)));
}

/** Each figure stated with a currency ("€899", "90 million dollars"), as value and currency. */
const CURRENCIES: Record<string, string> = { $: "dollar", "€": "euro", "£": "pound", dollars: "dollar", euros: "euro", euro: "euro", pounds: "pound", crowns: "crown", kronor: "crown", krona: "crown" };
function pricedFigures({ digits }: ReadClaim): Array<{ value: number; currency: string }> {
  const before = Array.from(digits.matchAll(/([$€£])\s?(\d[\d.,]*\d|\d)/gu), ([, symbol, figure]) => ({ figure, currency: CURRENCIES[symbol] }));
  const after = Array.from(digits.matchAll(/(?<![\d.,])(\d[\d.,]*\d|\d)(?:\s?(?:thousand|million|billion|bn|m))?\s(dollars|euros?|pounds|crowns|kronor|krona)\b/giu), ([, figure, word]) => ({ figure, currency: CURRENCIES[word.toLowerCase()] }));
  return [...before, ...after].flatMap(({ figure, currency }) => figureMentions(figure).slice(0, 1).map((m) => ({ value: m.value, currency })));
}

/** One figure priced in one currency by one claim and in another by the other: "€899 … $949" against "$899 … €949". */
function currencySwapped(a: ReadClaim, b: ReadClaim): boolean {
  const [pa, pb] = [pricedFigures(a), pricedFigures(b)];
  return pa.some((x) => pb.some((y) => sameFigure(x.value, y.value) && x.currency !== y.currency) && !pb.some((y) => sameFigure(x.value, y.value) && x.currency === y.currency));
}

/** The figures a claim states after "by" (a change: "rose by 24"), after "to" (a level: "rose to 24") or after "from" (where it started), not a date's ("from 1 June"). */
function figuresAfter(text: string, word: "by" | "to" | "from"): number[] {
  // With its currency, which makes an "m" millions.
  const pattern = new RegExp(`(?<!\\p{L})${word}\\s?([$€£]?\\s?\\d[\\d.,]*(?:\\s?(?:thousand|million|billion|bn|m|k)(?!\\p{L}))?)(?!\\s?(?:${MONTHS})(?!\\p{L}))`, "giu");
  return Array.from(text.matchAll(pattern), ([, figure]) => figureMentions(figure)[0]?.value).filter((v) => v !== undefined);
}

/** One figure stated as a change by one claim and as a level by the other: "rose by 24 points" against "rose to 24 %". */
function changeAgainstLevel(a: ReadClaim, b: ReadClaim): boolean {
  const clash = (x: ReadClaim, y: ReadClaim) => figuresAfter(x.normalised, "by").some((f) => figuresAfter(y.normalised, "to").some((g) => sameFigure(f, g)));
  return clash(a, b) || clash(b, a);
}

/**
 * Where a change started and where it ended turned round: "to £221.20" against "from £221.20 to
 * £230.27", or each starting from a figure the other names otherwise ("down from £320,000" against
 * "up to £320,000, from £250,000").
 */
function startAndEndSwapped(a: ReadClaim, b: ReadClaim, allA: number[], allB: number[]): boolean {
  const [fromA, fromB, toA, toB] = [figuresAfter(a.normalised, "from"), figuresAfter(b.normalised, "from"), figuresAfter(a.normalised, "to"), figuresAfter(b.normalised, "to")];
  const meets = (x: number[], y: number[]) => x.some((f) => y.some((g) => sameFigure(f, g)));
  const otherStart = fromA.length > 0 && fromB.length > 0 && !meets(fromA, fromB) && (meets(fromA, allB) || meets(fromB, allA));
  return meets(fromA, toB) || meets(fromB, toA) || otherStart;
}

/** A match's score ("3-1", "2–2"), winner's goals first whichever side is named first. */
const SCORE = /(?<![\d.,])(\d{1,2})\s?[-–]\s?(\d{1,2})(?!\d|[.,]\d|\s?(?:year|month|day))/gu;
/** Set scores in a row ("6-4 3-6 7-5", "6-4, 3-6, 7-5"): one score, read in its order, as each set is won by either side. */
const SET_SCORES = /(?<![\d.,])\d{1,2}[-–]\d{1,2}(?:,?\s\d{1,2}[-–]\d{1,2}(?![\d.,]\d))+/gu;
function scores(text: string): Set<string> {
  const sets = Array.from(text.matchAll(SET_SCORES), ([line]) => line.replace(/,?\s/gu, " ").replaceAll("–", "-"));
  const single = Array.from(text.replace(SET_SCORES, " ").matchAll(SCORE), ([, x, y]) => [Number(x), Number(y)].sort((m, n) => n - m).join("-"));
  return new Set([...sets, ...single]);
}

/** Each claim gives a score and they share none: "drew 1-1" against "beat them 2-1". */
function scoreMismatch(a: string, b: string): boolean {
  const [sa, sb] = [scores(a), scores(b)];
  return sa.size > 0 && sb.size > 0 && ![...sa].some((x) => sb.has(x));
}

/** Words that stand for who is speaking without naming them: a claimant that may be anyone. */
const PRONOUNS = new Set("i we you he she they it elle il ils elles nous on ela ele eles elas nós er sie wir es él ella ellos nosotros".split(" "));
const SAYING =
  "said|says|say|told|tells|found|finds|announced|announces|reported|reports|claimed|claims|warned|warns|argued|argues|admitted|insisted|estimated|estimates|showed|shows|stated|noted|concluded|respondeu|responde|anunciaram|anunciou|afirmou|disse|diz|dizem|afirmó|dijo|anunció|advirtió|señaló|declaró|a déclaré|a dit|affirme|montre|montrent|indique|sagt|sagte|sagen|erklärte|betont|betonte|teilte mit";

/**
 * Who a claim says states it: the words after "according to" (selon, según, segundo, laut), or
 * before a verb of saying at the opening ("The exam regulator found that …") or after a comma at
 * the close ("…, the agriculture minister said"), as word stems; null when it names none or only
 * a pronoun ("She said").
 */
function claimant(text: string): Set<string> | null {
  // Bounded and anchored on a word's last letter, so no two quantifiers can trade characters.
  const said = `(?:${SAYING})`;
  const phrase = "([^,.;:\\s][^,.;:]{0,78}[^,.;:\\s])";
  const patterns = [
    new RegExp(`(?:^|[,;:\\s])(?:according to|selon|según|segundo|laut|de acordo com) ([^,.;:]{1,80})`, "iu"),
    new RegExp(`^${phrase} ${said}(?: (?:that|que|dass|on)\\b|,)`, "iu"),
    new RegExp(`, ${phrase} ${said}[.!]?$`, "iu"),
    new RegExp(`, ${said} ${phrase}[.!]?$`, "iu"),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text.trim().replace(/\s+/gu, " "));
    if (!match) continue;
    const words = match[1].split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w.toLowerCase()));
    if (words.length === 0 || words.every((w) => PRONOUNS.has(w.toLowerCase()))) return null;
    return new Set(words.filter((w) => !PRONOUNS.has(w.toLowerCase())).map((w) => w.toLowerCase().slice(0, 5)));
  }
  return null;
}

/** Each claim names who states it, and no word of one's claimant stands in the other's: another source. */
function claimantMismatch(a: string, b: string): boolean {
  const [ca, cb] = [claimant(a), claimant(b)];
  return ca !== null && cb !== null && ![...ca].some((w) => cb.has(w));
}

/**
 * What a figure measures, by the words around it: a share ("14 percent"), points ("0.3 points"),
 * money ("£14", "14 million pounds"), a span of time ("14 years") or a distance ("6 km"); null
 * for a count of anything else, which says nothing either way.
 */
const MEASURES: Array<[string, RegExp]> = [
  ["points", /^\s?(?:percentage )?points?(?!\p{L})|^\s?(?:Prozentpunkte|points? de pourcentage|puntos porcentuales|punti percentuali|pontos percentuais|procentpunt)/iu],
  ["percent", /^\s?percent(?!\p{L})/iu],
  ["money", /^(?:\s?(?:thousand|million|billion|bn|m|k))?\s?(?:dollars?|euros?|pounds|pence|p|crowns|kronor|krona|cents?|€|£|\$)(?!\p{L})/iu],
  ["time", /^\s?(?:-\s?)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|Jahre|ans|años|anos|anni|jaar|Minuten|minutos|minuti)(?!\p{L})/iu],
  ["distance", /^\s?(?:-\s?)?(?:km|kilomet\p{L}*|metres?|meters?|m(?!\p{L})|miles?)(?!\p{L})/iu],
];
const CURRENCY_BEFORE = /[$€£]\s?$/u;
/** The unit of a span of time, from the words after its figure ("Minuten" and "minuti" are minutes); years where none of these is. */
const TIME_UNITS: Array<[string, RegExp]> = ["second", "minute", "hour", "day", "week", "month", "decade"].map((unit) => [unit, new RegExp(`^\\s?(?:-\\s?)?${unit.slice(0, 5)}`, "iu")]);
const timeUnit = (after: string) => TIME_UNITS.find(([, pattern]) => pattern.test(after))?.[0] ?? "year";

/** Each figure a claim states with what it measures, where its words say: in its own unit and in one ("an hour" is a figure only as "60 minutes"). */
const measuredFigures = ({ digits, normalised }: ReadClaim): MeasuredFigure[] => [...measuredIn(digits), ...measuredIn(normalised)];

/** Each figure a text states with what it measures, where its words say. */
function measuredIn(text: string): MeasuredFigure[] {
  return figureMentions(text).map(({ value, start, end }) => {
    const after = text.slice(end, end + 40);
    const measure = CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ? "money" : (MEASURES.find(([, pattern]) => pattern.test(after))?.[0] ?? null);
    // A span of time by its unit: "4 months" measures other than "4 weeks" ("40,320 minutes" meets the weeks in one unit).
    return { value, measure: measure === "time" ? `time in ${timeUnit(after)}` : measure };
  });
}

/**
 * One figure, not a year, whose words say it measures one thing in one claim and another in the
 * other, and is nowhere in the second a measure of the first kind: "rise by 14 pounds" against
 * "rise by 14 per cent". A bare figure ("60 new buses") says nothing either way.
 */
function measureMismatch(a: ReadClaim, b: ReadClaim): boolean {
  const [ma, mb] = [measuredFigures(a), measuredFigures(b)];
  const clash = (x: typeof ma, y: typeof mb) =>
    x.some(
      (f) =>
        !isYear(f.value) &&
        f.measure !== null &&
        y.some((g) => sameFigure(f.value, g.value) && g.measure !== null && g.measure !== f.measure) &&
        !y.some((g) => sameFigure(f.value, g.value) && g.measure === f.measure),
    );
  return clash(ma, mb) && clash(mb, ma);
}

/** A claim states a handful of figures; a long run of them is compared by its first few only. */
const MAX_FIGURES_COMPARED = 12;

/** The content words within three places of each figure a claim states (its first few), by figure. */
function figureNeighbours(sequence: string[]): Array<{ value: number; words: Set<string> }> {
  return sequence.flatMap((token, i) => {
    const value = figureMentions(token)[0]?.value;
    if (value === undefined || isYear(value)) return [];
    const near = sequence.slice(Math.max(0, i - 3), i + 4).filter((w, k) => k !== Math.min(i, 3) && !/^\d/u.test(w));
    return [{ value, words: new Set(near) }];
  }).slice(0, MAX_FIGURES_COMPARED);
}

/**
 * Two figures both claims state, each standing among the words the other stands among in the
 * other claim: "growth of 1.7 next year and 2.0 the year after" against "2.0 next year and 1.7
 * the year after", "added 60 new buses … up 14 per cent" against "14 new buses … up 60 per cent".
 */
function figuresSwapped(sa: string[], sb: string[]): boolean {
  const [na, nb] = [figureNeighbours(sa), figureNeighbours(sb)];
  const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((w) => y.has(w)).length;
  const inB = (value: number) => nb.find((n) => sameFigure(n.value, value));
  return na.some((x, i) =>
    na.some((y, j) => {
      if (j <= i || sameFigure(x.value, y.value)) return false;
      const [xb, yb] = [inB(x.value), inB(y.value)];
      return xb !== undefined && yb !== undefined && overlap(x.words, yb.words) > overlap(x.words, xb.words) && overlap(y.words, xb.words) > overlap(y.words, yb.words);
    }),
  );
}

/**
 * The words of each clause stating one of these figures, bound to it: in "78 per cent in the
 * capital but only 63 in the north", "capital" to 78 and "north" to 63. A word found in two clauses
 * binds to none.
 */
function wordsByFigure(normalised: string, shared: (value: number) => boolean): Map<string, number | null> {
  const bound = new Map<string, number | null>();
  for (const clause of normalised.split(CLAUSE_BREAK)) {
    const figures = figureMentions(clause).map((m) => m.value).filter((v) => !isYear(v) && shared(v));
    const figure = figures.length > 0 && figures.every((v) => sameFigure(v, figures[0])) ? figures[0] : null;
    // A year binds as a word does: "1.9 percent next year and 1.7 percent in 2028".
    for (const word of new Set(contentSequence(clause).filter((w) => !/^\d/u.test(w) || isYear(Number(w))))) bound.set(word, bound.has(word) ? null : figure);
  }
  return bound;
}

/**
 * Two shared figures whose clauses trade their words: a word bound to one figure in one claim and
 * to the other in the other, and a word traded back ("78 per cent in the capital, 63 in the north"
 * against "78 per cent in the north, 63 in the capital"). One way only is no trade: "rose by 38
 * to 262" restates "262, up 38".
 */
function figuresRebound(a: ReadClaim, b: ReadClaim, fa: number[], fb: number[]): boolean {
  const [wa, wb] = [wordsByFigure(a.normalised, (v) => fb.some((y) => sameFigure(v, y))), wordsByFigure(b.normalised, (v) => fa.some((x) => sameFigure(v, x)))];
  const trades: Array<[number, number]> = [];
  for (const [word, x] of wa) {
    const y = wb.get(word);
    if (x !== null && y !== null && y !== undefined && !sameFigure(x, y)) trades.push([x, y]);
  }
  return trades.some(([x, y]) => trades.some(([u, v]) => sameFigure(u, y) && sameFigure(v, x)));
}

/** A time of day a claim states, in minutes, whether it may be either half of the day, and whether it is approximate ("shortly after 4am"). */
type TimeOfDay = { minutes: number; eitherHalf: boolean; approximate: boolean };
/** The times of day a claim states (timesOfDay's "t1930" and "w1015"). */
function timesOfDayIn(normalised: string): TimeOfDay[] {
  return Array.from(normalised.matchAll(/\b([tw])(\d{2})(\d{2})\b/gu), (match) => ({
    minutes: Number(match[2]) * 60 + Number(match[3]),
    eitherHalf: match[1] === "w",
    approximate: [HEDGE, NEAR_A_TIME].some((words) => words.test(normalised.slice(Math.max(0, match.index - 24), match.index))),
  }));
}
/** Words that put a time of day near, not at, the one they name ("shortly after 4am", "vers 16h"), beside the figures' HEDGE. */
const NEAR_A_TIME = /(?<!\p{L})(?:(?:shortly|just|soon) (?:after|before)|gegen|vers|hacia|por volta das|rond|omkring)\s$/iu;

/**
 * Each states a time of day the other does not: "at 4.30 a.m." against "às 3h40". A time said to
 * be approximate is met by one within half an hour ("shortly after 4am" and "4:10 a.m."), and one
 * that may be either half of the day by the same time in the other half.
 */
function timesDisagree(ta: TimeOfDay[], tb: TimeOfDay[]): boolean {
  const unmet = (x: TimeOfDay[], y: TimeOfDay[]) => x.some((t) => !y.some((u) => sameTime(t, u)));
  return unmet(ta, tb) && unmet(tb, ta);
}

/** Two times of day one: equal, within half an hour when one is approximate, in either half of the day when one may be. */
function sameTime(t: TimeOfDay, u: TimeOfDay): boolean {
  const minutes = Math.abs(t.minutes - u.minutes);
  const apart = t.eitherHalf || u.eitherHalf ? Math.min(minutes % 720, 720 - (minutes % 720)) : minutes;
  return apart <= (t.approximate || u.approximate ? 30 : 0);
}

/** Words that say the figure after them is approximate or a bound: "almost a fifth", "nearly 0.9 seconds", "more than 20 percent". */
const HEDGE =
  /(?<!\p{L})(?:almost|nearly|about|around|roughly|approximately|some|more than|less than|fewer than|over|under|close to|upwards of|presque|environ|près de|plus de|moins de|fast|rund|etwa|knapp|mehr als|weniger als|casi|cerca de|alrededor de|más de|menos de|quase|mais de|quasi|circa|oltre|più di|meno di|bijna|ongeveer|ruim|meer dan|minder dan|ponad|około|prawie|blisko)\s+(?:an?\s+)?(?:[$€£]\s?)?$/iu;

/** The figures a claim says are approximate, in its own units and in one. */
function hedgedFigures({ digits, normalised }: ReadClaim): number[] {
  return [digits, normalised].flatMap((text) => figureMentions(text).filter((m) => HEDGE.test(text.slice(Math.max(0, m.start - 24), m.start))).map((m) => m.value));
}

/** A share of a stated whole, or of "whom" or "them" after a figure: "33.3 percent of the 6,240", "25 percent of the bridge's 48", "19,000 …, 33.3 percent of whom". */
const SHARE_OF_A_WHOLE = /(?<![\d.,])(\d+(?:\.\d+)?) percent of (?:(?:the|its|their|his|her|our|\p{L}+['’]s) ){0,2}(?:(\d[\d,]*(?:\.\d+)?(?: ?(?:thousand|million|billion|m|bn)\b)?)|(?:whom|them|which|those)\b)/giu;

/** The counts a claim's shares of a whole make: "a third of the 6,240 participants" states about 2,080, "a quarter of the 48 cables" 12. */
function partsOfWholes(normalised: string): number[] {
  return Array.from(normalised.matchAll(SHARE_OF_A_WHOLE), (match) => {
    const whole = match[2] !== undefined ? figureMentions(match[2])[0]?.value : figureMentions(normalised.slice(0, match.index)).at(-1)?.value;
    return whole === undefined || isYear(whole) ? [] : [Math.round((Number(match[1]) / 100) * whole * 1000) / 1000];
  }).flat();
}

/**
 * The changes in percent a claim's figures make, as a share of a whole makes a count: "from
 * £270,000 to £180,000" is a cut of 33.3 %, and "by £240,000, to £400,000" a cut of 37.5 % (or a
 * rise of 150 %, as the words may say either); none from or to a year.
 */
function percentChanges(claim: ReadClaim): number[] {
  const percent = (change: number, base: number) => percentValue(Math.abs(change) / base);
  // As written, so "from 131 days to 112" compares days with days, not minutes with days.
  const [froms, bys, tos] = [figuresAfter(claim.digits, "from"), figuresAfter(claim.digits, "by"), figuresAfter(claim.digits, "to")];
  const counted = (x: number | undefined): x is number => x !== undefined && x > 0 && !isYear(x);
  // Not of figures more than five times apart, as no difference is (differencesOf).
  const near = (x: number, y: number) => Math.max(x, y) <= 5 * Math.min(x, y);
  const fromTo = froms.flatMap((from, i) => (counted(from) && counted(tos[i]) && tos[i] !== from && near(from, tos[i]) ? [percent(tos[i] - from, from)] : []));
  const byTo = bys.flatMap((by, i) => (counted(by) && counted(tos[i]) ? [percent(by, tos[i] + by), ...(tos[i] > by ? [percent(by, tos[i] - by)] : [])] : []));
  return [...fromTo, ...byTo];
}

/** "All 12 regions", "all of its 23,000 streetlights": a whole, all of it. */
const ALL_OF = /(?<!\p{L})all (?:of )?(?:(?:the|its|their|his|her|our|\p{L}+['’]s) )?(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,])/giu;
/** "11 of the country's 12", "9,000 of its 23,000", "483 of the village's roughly 1,100": a part of a whole. */
const PART_OF = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+) (?:of|out of) (?:(?:the|its|their|his|her|our|\p{L}+['’]s|roughly|about|around|some|nearly|almost) ){0,3}(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,])/giu;
/** "44 goals from 46 attempts": a part of a whole of tries. */
const PART_FROM = /(?<![\d.,])(\d+) (?:\p{L}+ ){0,2}from (?:(?:her|his|their|its) )?(\d+) (?:attempts|shots|tries|efforts|chances|appearances|games|matches|starts)(?!\p{L})/giu;
const wholeNumber = (written: string) => Number(written.replace(/,/gu, ""));

/**
 * The shares a claim's parts of a whole make, as a change makes one (percentChanges): "483 of the
 * village's 1,100 residents" is 43.9 %, "44 goals from 46 attempts" 95.7 %. Only to meet the other
 * claim's figures, as they are approximate.
 */
function partShares(normalised: string): number[] {
  return [...normalised.matchAll(PART_OF), ...normalised.matchAll(PART_FROM)].flatMap(([, part, whole]) => {
    const [x, y] = [wholeNumber(part), wholeNumber(whole)];
    return x > 0 && x < y && !isYear(y) ? [percentValue(x / y)] : [];
  });
}

/** The percentages a claim's figures make without stating them: its changes in percent and its parts of a whole. */
const derivedPercents = (claim: ReadClaim) => [...percentChanges(claim), ...partShares(claim.normalised)];

/**
 * One claim says all of a whole where the other says a part of it ("in all 12 postal regions"
 * against "in 11 of the country's 12"), or each a part of one whole and no part alike ("two of its
 * five decks" against "three of the five decks", whose 2 the other's 5 - 3 would otherwise meet),
 * but for the rest of it where one claim denies.
 */
function partsOfAWholeDisagree(a: string, b: string): boolean {
  const alls = (text: string) => Array.from(text.matchAll(ALL_OF), ([, whole]) => wholeNumber(whole));
  const parts = (text: string) => Array.from(text.matchAll(PART_OF), ([, part, whole]) => [wholeNumber(part), wholeNumber(whole)]);
  const [partsA, partsB] = [parts(a), parts(b)];
  const clash = (x: string, y: number[][]) => alls(x).some((whole) => y.some(([part, of]) => of === whole && part < whole));
  // Not the rest of the whole where one claim denies: "53 of the 62 points changed" is "only 9 of the 62 did not".
  const rest = (part: number, other: number, whole: number) => part + other === whole && denies(a) !== denies(b);
  const otherPart =
    partsA.some(([part, of]) => partsB.some(([other, whole]) => whole === of && other !== part && !rest(part, other, whole))) &&
    !partsA.some(([part, of]) => partsB.some(([other, whole]) => whole === of && other === part));
  return clash(a, partsB) || clash(b, partsA) || otherPart;
}

/** What the model reads in a pair: bits, shares (0..1) and the count of opposites. */
export function pairFeatures(a: string, b: string): Record<string, number> {
  const [ca, cb] = [readClaim(a), readClaim(b)];
  const [na, nb] = [ca.normalised, cb.normalised];
  const [fa, fb] = [figureMentions(na).map((m) => m.value), figureMentions(nb).map((m) => m.value)];
  const [ta, tb] = [timesOfDayIn(na), timesOfDayIn(nb)];
  // Only of figures that measure alike: "within 30 metres … within 20 years" states no 10.
  const [differencesA, differencesB] = [differencesOf(measuredIn(na)), differencesOf(measuredIn(nb))];
  // Approximate, as a share is: "a third of the 6,540" (2,180) is met by "about 2,200".
  const [partsA, partsB] = [partsOfWholes(na), partsOfWholes(nb)];
  // Approximate too, and only to meet the other's figures (as a difference does): "from 270 to 180" meets "cut by a third", "44 from 46 attempts" "over 95 %".
  const [percentsA, percentsB] = [derivedPercents(ca), derivedPercents(cb)];
  // A figure counts in its own unit or in one ("40 hours a week" restates "from 40 to 16 hours"), or as the part of a whole it states.
  const inAnyUnit = (claim: ReadClaim, parts: number[]) => new Set([...figuresOf(claim.digits), ...figuresOf(claim.normalised), ...parts]);
  const [ua, ub] = [inAnyUnit(ca, partsA), inAnyUnit(cb, partsB)];
  const [hedgedA, hedgedB] = [new Set([...hedgedFigures(ca), ...partsA, ...percentsA]), new Set([...hedgedFigures(cb), ...partsB, ...percentsB])];
  const differencesInAnyUnit = (claim: ReadClaim, parts: number[], percents: number[]) => [
    ...new Set([...differencesOf([...measuredFigures(claim), ...parts.map((value) => ({ value, measure: null }))]), ...percents]),
  ];
  const sharesPart = (figures: number[], parts: number[]) => figures.some((x) => parts.some((part) => sameFigure(x, part, 2)));
  const [wa, wb] = [contentWords(na), contentWords(nb)];
  const [sa, sb] = [wa.map(stemOf), wb.map(stemOf)];
  // Aligned once for the copy's two readings.
  const aligned = alignment(sa, sb);
  // Read once for the roles and for the antonyms.
  const [relatedA, relatedB] = [relationSides(a), relationSides(b)];
  const bit = (condition: boolean) => (condition ? 1 : 0);
  return {
    // Or the difference of two of the other's: "rose by £24m" shares one with "from £118m to £142m".
    sharedFigure: bit(fa.some((x) => fb.some((y) => sameFigure(x, y, hedgesOf(hedgedA.has(x), hedgedB.has(y))))) || fa.some((x) => differencesB.includes(x)) || fb.some((y) => differencesA.includes(y)) || sharesPart(fa, [...partsB, ...percentsB]) || sharesPart(fb, [...partsA, ...percentsA])),
    // "Gegen 18.30 Uhr" and "at about 6.30pm": read apart from the figures, as a detail one claim may add is more often a time.
    sharedTime: bit(ta.some((t) => tb.some((u) => sameTime(t, u)))),
    // Read both ways: the alignment breaks ties by its first sequence, and a pair must score alike either way.
    copiedWithAChange: Math.max(copiedWithAChange(sa, sb, aligned), copiedWithAChange(sb, sa)),
    swappedWord: bit(swappedWord(wa, wb, aligned)),
    figureOnOneSide: bit((fa.length === 0) !== (fb.length === 0)),
    // Agreeing in one unit is enough: "a two-day strike" (2, and 2,880 minutes) restates "a 48-hour strike" (48, and 2,880).
    figuresDisagree: bit(
      (figuresDisagree(ua, ub, { a: hedgedA, b: hedgedB }, { a: differencesInAnyUnit(ca, partsA, percentsA), b: differencesInAnyUnit(cb, partsB, percentsB) }) &&
        figuresDisagree(new Set(fa), new Set(fb), { a: hedgedA, b: hedgedB }, { a: differencesA, b: differencesB })) ||
        timesDisagree(ta, tb) ||
        partsOfAWholeDisagree(na, nb),
    ),
    wordsOppose: bit(wordsOppose(na, nb)),
    swappedDetail: bit(swappedDetail(a, b)),
    antonyms: antonymsSwapped(a, b, relatedA !== null && relatedB !== null),
    negation: bit(negationMismatch(a, b)),
    // A denial in a near copy ("were not charged" against "were charged") weighs more than in a free rewording.
    negatedCopy: bit(negationMismatch(a, b) && wordsShared(withoutDenials(a), withoutDenials(b)) >= NEAR_COPY),
    direction: bit(directionSwapped(na, nb)),
    figuresReordered: bit(figuresReordered(fa, fb)),
    rate: bit(rateMismatch(a, b) || perUnitMismatch(na, nb)),
    // Read after the fractions, so "a tenth" (10 percent) is no ordinal.
    ordinal: bit(ordinalSwapped(ca.digits, cb.digits)),
    roles: bit(rolesSwapped(relatedA, relatedB)),
    period: bit(periodMismatch(ca, cb)),
    currency: bit(currencySwapped(ca, cb)),
    score: bit(scoreMismatch(a, b)),
    changeOrLevel: bit(changeAgainstLevel(ca, cb)),
    claimant: bit(claimantMismatch(a, b)),
    measure: bit(measureMismatch(ca, cb)),
    figuresSwapped: bit(figuresSwapped(sa, sb) || figuresRebound(ca, cb, fa, fb)),
    startAndEnd: bit(startAndEndSwapped(ca, cb, fa, fb)),
    plannedAgainstDone: bit(plannedAgainstDone(a, b)),
  };
}

export interface PairWeights {
  bias: number;
  features: Record<string, number>;
}

const WEIGHTS: PairWeights = model;

/** The model's probability that a pair with these features states one claim. */
export function pairProbability(weights: PairWeights, features: Record<string, number>): number {
  const logOdds = Object.entries(features).reduce((sum, [name, value]) => sum + (weights.features[name] ?? 0) * value, weights.bias);
  return 1 / (1 + Math.exp(-logOdds));
}

/**
 * Whether two claims are about one thing at all: the share of the shorter one's word stems found
 * in the other (a short restatement of a long sentence shares most of its own words), or a
 * figure or time of day they share. The labelled pairs are each on one topic, so the model cannot learn this;
 * without it, any two claims the trigram search finds that do not conflict would match.
 */
function onOneTopic(a: string, b: string, sharedFigure: boolean): boolean {
  return wordsShared(a, b) + (sharedFigure ? TOPIC_FIGURE_BONUS : 0) >= TOPIC_FLOOR;
}

/** The share of the shorter claim's word stems found in the other. */
function wordsShared(a: string, b: string): number {
  const [wa, wb] = [claimWords(a), claimWords(b)];
  return [...wa].filter((w) => wb.has(w)).length / Math.max(1, Math.min(wa.size, wb.size));
}
/** Past this share of shared stems, one claim reads as a copy of the other. */
const NEAR_COPY = 0.7;
/** The rule the reading was before its model (tuned on the development pairs): shared stems plus 0.4 for a shared figure, at least 0.4. */
const TOPIC_FLOOR = 0.4;
const TOPIC_FIGURE_BONUS = 0.4;

/** How likely `a` and `b` state the same claim, 0..1 (SAME_CLAIM_SCORE and above: the same); 0 for claims on two topics. */
export function sameClaimScore(a: string, b: string): number {
  const [ra, rb] = [a.slice(0, MAX_READ_CHARS), b.slice(0, MAX_READ_CHARS)];
  const features = pairFeatures(ra, rb);
  return onOneTopic(ra, rb, features.sharedFigure === 1 || features.sharedTime === 1) ? pairProbability(WEIGHTS, features) : 0;
}

/** Two claims, each by its restatement and its quoted text: the better of the two readings (as the trigram search takes the greater similarity). */
export function sameClaimMatch(claim: { restatement: string; exact: string }, other: { restatement: string; exact: string }): number {
  return Math.max(sameClaimScore(claim.restatement, other.restatement), sameClaimScore(claim.exact, other.exact));
}
