/**
 * What "Suggest claims" reads in a sentence: named cues a fact-checker looks for (figures,
 * quotations, attributions, named officials, dates) or discounts (opinion, hedging, forecasts,
 * timetables, sport results, clock times), and, for the word-rule languages, the sentence's
 * hashed words and word pairs. Pure, shared by the scorer (check-worthy.ts) and the script that
 * learns the cues' weights (bench/quality/train.ts), so both read a sentence the same way.
 *
 * Every pattern is linear in the sentence's length: a stored sentence is any user's input.
 */

export interface Cue {
  id: string;
  /** The cue reads English words (or English capitalisation): it counts only where the word rules do. */
  english?: true;
  /**
   * The cue reads other languages' words (French, German, Spanish, Portuguese, Italian, Dutch): it
   * counts only where the word rules do not, so an English sentence never reads them by accident.
   */
  otherLanguages?: true;
  /** Matched against the sentence less its clock times, scores and rankings (see NOT_QUANTITIES). */
  quantity?: true;
  /** The reason shown when the cue raises the score, or null for cues that only describe. */
  reason: (match: RegExpMatchArray) => string | null;
  pattern: RegExp;
}

/** The languages the word rules are written in (BCP 47 primary subtags). */
export const WORD_RULE_LANGUAGES = ["en"];

/** Whether the word rules read an article in `language` (null: not known, read as English). */
export function usesWordRules(language: string | null): boolean {
  return language === null || WORD_RULE_LANGUAGES.includes(language.split("-")[0].toLowerCase());
}

/**
 * A time of day in any of the languages: "7 p.m.", "19 Uhr", "14 h", "14h30", "8 h 45", "10:30",
 * and a time after the words that introduce one ("a las 10", "às 15", "alle 15"; with its minutes:
 * "um 19.30", "om 19.00", "à 14.30"). Not "um 15 Prozent" (by 15 percent) nor "à 30 euros".
 */
const CLOCK_TIME =
  "\\b\\d{1,2}(?:[:.]\\d{2})?\\s?(?:[ap]\\.m\\.|[ap]m\\b|Uhr\\b|uur\\b|horas\\b|h(?:\\s?\\d{2})?(?![\\p{L}\\d]))|\\b\\d{1,2}:\\d{2}\\b|" +
  "(?<!\\p{L})(?:a las|a la|às|alle)\\s+\\d{1,2}(?:[:.]\\d{2})?(?![\\d%]|[.,]\\d)(?!\\s?(?:%|por ciento|per cento|por cento))|" +
  "(?<!\\p{L})(?:um|om|à)\\s+\\d{1,2}[:.]\\d{2}(?![\\d%])";
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const ATTRIBUTION =
  "said|says|stated|told|warned|claimed|argued|accused|announced|noted|insisted|described|asserted|reiterated|acknowledged|" +
  "emphasized|emphasised|declared|rejected|criticized|criticised|ruled out|vowed|proposed|labeled|labelled|likened|expressed|" +
  "confirmed|denied|admitted|reported|reportedly|according to|characterized|characterised|signaled|signalled|demanded|suggested|suggesting|" +
  "found|concluded|wrote|estimated|estimates|show|shows|showed(?! up)";
const TITLES =
  "President|Vice[- ]President|Secretary|Minister|Prime Minister|Chancellor|Rep\\.|Sen\\.|Gov\\.|Senator|Governor|Mayor|" +
  "ambassador|director|diplomat|lawmaker|spokesperson|spokesman|spokeswoman|fellow|adviser|advisor|General|Admiral|Pentagon|Kremlin";
/** A source whose finding is a record to check: a study, its authors, data, records, a named survey or report. */
const SOURCE_FINDING =
  /\b((?:the |a |an |this |that |their |its )?(?:study|studies|survey|report|review|analysis|authors|researchers|scientists|data|records|figures|statistics|estimates|poll|census|audit)(?: \w+){0,6}? (?:found|find|finds|show|shows|showed|wrote|concluded|reported|estimated|suggest|suggests|put the figure))\b/iu;

export const CUES: Cue[] = [
  // Quantities.
  { id: "percentage", quantity: true, pattern: /(?<!\d)\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b|Prozent\b|por ciento\b|pour cent\b)/iu, reason: () => "a percentage" },
  {
    id: "amount",
    quantity: true,
    pattern: /[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:million|billion|trillion|bn|m|millions?|milliards?|Millionen|Milliarden|millones|euros?|dollars|pounds)\b|\b(?:tens|hundreds|dozens) of (?:thousands|millions|billions)?/iu,
    reason: () => "an amount",
  },
  { id: "number", quantity: true, pattern: /\b\d[\d,.]*\b(?!\s?%)/u, reason: () => "a number" },
  // Two figures: a statistic and its comparison ("from 12 percent to 18"), more than an event's one number.
  { id: "two-figures", quantity: true, pattern: /\d\D+\d/u, reason: () => null },
  { id: "year", quantity: true, pattern: /\b(?:1[89]|20)\d\d\b/u, reason: () => "a year" },
  { id: "number-words", english: true, pattern: /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|half|third|quarter|twice|double)\b/iu, reason: () => "a number in words" },
  // Numbers in the other languages' words ("un jeune sur six", "die Hälfte", "la mitad", "um terço").
  {
    id: "number-words-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:deux|trois|quatre|cinq|six|sept|huit|dix|vingt|trente|quarante|cinquante|cent|mille|moitié|tiers|quart|zwei|drei|vier|fünf|sechs|sieben|neun|zehn|zwanzig|dreißig|hundert|tausend|Hälfte|Drittel|Viertel|doppelt|tres|cuatro|cinco|siete|ocho|nueve|diez|veinte|treinta|cien|mil|mitad|tercio|dois|duas|três|oito|dez|vinte|trinta|cem|metade|terço|quattro|cinque|sette|dieci|venti|trenta|cento|mille|metà|twee|drie|vijf|zes|zeven|negen|tien|twintig|honderd|duizend|helft)(?!\p{L})/iu,
    reason: () => "a number in words",
  },
  // Numbers of events rather than statistics: clock times, scores and votes, rankings, small prices.
  { id: "clock-time", pattern: new RegExp(CLOCK_TIME, "iu"), reason: () => null },
  { id: "score", pattern: /\b\d{1,2}[-–]\d{1,2}\b/u, reason: () => null },
  { id: "ranking", pattern: /\bNo\.\s?\d+|\b(?:ranked|seeded) \d+/iu, reason: () => null },
  { id: "unit-price", english: true, pattern: /\b\d+p\b|[$€£]\d+(?:\.\d\d)? (?:a|an|per|each) (?!year|hour)/iu, reason: () => null },
  // Who said what.
  // Two words between an opening quote and a later closing one. Only the first opening quote
  // is tried (the ^): it encloses the most, and trying each one made "“a a a …" cubic.
  { id: "quotation", pattern: /^[^“"«„]*[“"«„]\s*\S+\s+\S[^]*[”"»“]/u, reason: () => "a quotation" },
  // A quotation closed and followed by ", <speaker or verb>" is attributed in any language (« … », a déclaré ; „…“, sagte).
  { id: "quote-then-speaker", pattern: /[”"»“]\s*,\s+\p{L}/u, reason: () => null },
  // A sentence that opens, or only closes, a quotation: speech, colour more often than a checkable record.
  { id: "speech-opens", pattern: /^[“"«„]/u, reason: () => null },
  { id: "speech-closes", pattern: /^[^“"«„]*[”"»]\s*$/u, reason: () => "the end of a quotation" },
  // The same two cues in the other languages' words, read in any language (French, German, Spanish, Portuguese, Italian, Dutch, Swedish, Polish).
  {
    id: "source-named",
    pattern: /(?<!\p{L})(?:selon|d[’']après|a déclaré|a affirmé|a indiqué|laut|zufolge|nach Angaben|sagte|erklärte|teilte|según|de acuerdo con|afirmó|declaró|informó|segundo (?:o|a|os|as)|disse|afirmou|secondo (?:il|la|i|le|gli|l[’'])|ha detto|ha dichiarato|volgens|zei|zegt|verklaarde|enligt|säger|sade|uppger|uppgav|meddelade|według|powiedział|powiedziała|poinformował|poinformowała|mówi)(?!\p{L})/iu,
    reason: (m) => `an attribution: ${m[0].toLowerCase()}`,
  },
  {
    id: "forecast-any",
    pattern: /(?<!\p{L})(?:prévoit|prévoient|prévision|devrait|devraient|d[’']ici à|projections?|objectif|soll|sollen|dürfte|erwartet|Prognose|Ziel|prevé|previsión|se espera|debería|objetivo|deverá|deverão|prevê|previsto|prevista|dovrebbe|dovrebbero|potrebbe|potrebbero|prevede|previsione|zou|zouden|zal|zullen|naar verwachting|verwacht|väntas|förväntas|beräknas|prognos\p{L}*|kommer att|ska|skall|ma się|mają się|ma zostać|mają zostać|zostanie|zostaną|będzie|będą|przewiduje\p{L}*|prognoz\p{L}*)(?!\p{L})/iu,
    reason: () => null,
  },
  // The future and the conditional by their verbs' endings and auxiliaries, in the other languages only ("seront",
  // "revisarán", "aprirà", "será", "podría", "rechnet mit"); in English text "portrait" would read as one.
  {
    id: "future-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:rechnet(?:\s+\p{L}+){0,4}?\s+(?:damit|mit)|voraussichtlich|doit|doivent|sera|seront|aura|auront|pourra|pourront|devra|devront|irá|irán|podría|podrían|sería|serían|tendría|tendrían|permitiría|\p{L}{2,}(?:rá|rán|rão|rà|ranno|rebbe|rebbero)|\p{L}{3,}(?:ront|rait|raient))(?!\p{L})/iu,
    reason: () => null,
  },
  // A promise, an intention or an expectation: what someone will do or wants done is not yet a fact to check.
  {
    id: "intention",
    english: true,
    pattern:
      /\b(?:intends?|intended|intention|pledges?|pledged|promises?|promised|vows?|vowed|plans?|planned|aims?|hopes?|wants?|wanted|expects?|expected|goal|target|(?:I|we|I’ll|we’ll|I'll|we'll) will)\b(?:\s+\S+){0,8}?\s+to\s+\p{L}|\b(?:agreed|decided|voted|resolved) to (?!be\b|have\b)\p{L}|\b(?:I|we)[’'](?:ll|d)\b|\bby (?:the end of )?20\d\d\b|\b(?:goal|target|aim) (?:is|of)\b/iu,
    reason: () => null,
  },
  {
    id: "intention-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:a promis|promet|promettent|s[’']est engagée?|s[’']engage|veut|veulent|souhaite|entend|envisage|compte (?:ouvrir|créer|baisser|réduire|augmenter|construire)|vise|prévoit de|va (?:ouvrir|créer|baisser|réduire|augmenter|construire)|d[’']ici (?:à |la fin de )?\d|versprach|verspricht|versprochen|wollen|möchte|möchten|plant|planen|beabsichtigt|kündigte an|bis (?:zum Jahr |Ende )?\d|prometió|promete|prometen|quiere|quieren|pretende|planea|se comprometió|tiene previsto|tienen previsto|va a|van a|para (?:el año |finales de )?\d{4}|prometeu|prometem|quer|querem|pretendem?|planeia|planeja|vai|vão|até (?:ao fim de |o fim de )?\d{4}|ha promesso|promette|vuole|vogliono|intende|entro il|beloofde|belooft|beloofd|wil|willen|van plan|tegen \d{4}|lovade|lovar|vill|planerar|avser|tänker|till \d{4}|senast \d{4}|obiecał\p{L}*|obiecuje|zapowiedział\p{L}*|planuje|planują|zamierza\p{L}*|chce|chcą|przeznaczy|do (?:końca )?\d{4})(?!\p{L})/iu,
    reason: () => null,
  },
  // A meeting, a session, a debate's timetable in the other languages (the English one is "procedure").
  {
    id: "meeting-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:réunion|séance|conseil municipal|ordre du jour|doit reprendre|reprendra|Sitzung|Versammlung|Tagesordnung|Gemeinderat|Stadtrat|reunión|sesión|pleno|orden del día|reunião|sessão|ordem do dia|câmara municipal|riunione|seduta|consiglio comunale|vergadering|zitting|gemeenteraad|sammanträde\p{L}*|\p{L}*fullmäktige|möte|mötet|dagordning|posiedzeni\p{L}*|sesj\p{L}*|obrad\p{L}*)(?!\p{L})/iu,
    reason: () => null,
  },
  // A date in the other languages' words ("le 9 décembre", "el 2 de febrero", "am Montag", "den 16 december", "w czwartek"): the English one is "date".
  {
    id: "date-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|juni|juli|augustus|oktober|april|september|november|december|augusti|maj|måndag\p{L}*|tisdag\p{L}*|onsdag\p{L}*|torsdag\p{L}*|fredag\p{L}*|lördag\p{L}*|söndag\p{L}*|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|poniedziałek|wtorek|środ[aęy]|czwart(?:ek|ku)|piąt(?:ek|ku)|sobot[aęy]|niedziel[aęi])(?!\p{L})/iu,
    reason: () => null,
  },
  // Comparisons, superlatives and rankings in the other languages' words (the English ones are "comparison").
  {
    id: "comparison-any",
    otherLanguages: true,
    pattern:
      /(?<!\p{L})(?:plus (?:de|que|grand|grande|petit|petite|élevé|élevée|bas|basse|haut|haute|important|importante|fort)|moins (?:de|que)|le plus|la plus|les plus|au-dessus|en dessous|supérieure?s?|inférieure?s?|deuxième|troisième|record|premier|première|moyenne|größte[nrms]?|größer|höchste[nrms]?|höher|niedrigste[nrms]?|niedriger|mehr als|weniger als|über dem|unter dem|Durchschnitt|doppelt so|Rekord|erstmals|zweitgrößte[nrms]?|drittgrößte[nrms]?|el mayor|la mayor|los mayores|las mayores|mayor que|menor que|más (?:de|que|alto|alta|bajo|baja|grande)|menos (?:de|que)|récord|por encima|por debajo|promedio|segundo|tercer|tercero|tercera|maior|maiores|menor|mais (?:de|do que|que|alto|alta|baixo|baixa)|menos de|recorde|terceiro|terceira|acima|abaixo|média|più (?:di|grande|alto|alta|basso|bassa)|meno di|maggiore|minore|terzo|terza|sopra la media|grootste|hoogste|laagste|meer dan|minder dan|gemiddelde|boven het|onder het)(?!\p{L})/iu,
    reason: (m) => `a comparison: ${m[0].toLowerCase()}`,
  },
  // Handing over to the next topic ("Let's move on to housing.", "Passons au logement."): structure, not a claim.
  {
    id: "hand-over",
    pattern: /(?<!\p{L})(?:let[’']s (?:move|turn|go|talk|look|come)|moving on|turning (?:now )?to|passons|venons-en|kommen wir|pasemos|vamos a pasar|passemos|vamos passar|passiamo|laten we)(?!\p{L})/iu,
    reason: () => null,
  },
  // Guidance on record (what a body recommends): a statistic to check against the guidance.
  {
    id: "guidance",
    english: true,
    pattern: /\b(?:guidance|guidelines?|recommends?|recommended|recommendation|advises|advice is)\b/iu,
    reason: (m) => `guidance on record: ${m[0].toLowerCase()}`,
  },
  { id: "source-finding", english: true, pattern: SOURCE_FINDING, reason: (m) => `an attribution: “${m[1].toLowerCase()}”` },
  { id: "attribution", english: true, pattern: new RegExp(`\\b(${ATTRIBUTION})\\b`, "iu"), reason: (m) => `an attribution: ${m[1].toLowerCase()}` },
  {
    id: "named-official",
    english: true,
    // A name before the title is matched from the start of its word (the lookbehind) up to its
    // first capital: tried from every capital of a long word, the search was quadratic.
    pattern: new RegExp(`\\b(?:${TITLES})\\b(?:\\s+(?:of|for|at|on)\\s+(?:\\p{Lu}[\\p{L}’'-]+\\s*)+|\\s+\\p{Lu}[\\p{L}’'-]+)|(?<![\\p{L}’'-])[\\p{Ll}\\p{Lt}\\p{Lm}\\p{Lo}’'-]*\\p{Lu}[\\p{L}’'-]+,?\\s+(?:a\\s+|the\\s+)?(?:former\\s+|top\\s+|senior\\s+)?(?:${TITLES})`, "u"),
    reason: () => "a named official",
  },
  { id: "named", english: true, pattern: /(?<!^)\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}’'-]+)+/u, reason: () => "a named person or body" },
  {
    id: "action",
    english: true,
    pattern:
      /\b(visited|met|spoke|announced|agreed|provided|occupies|occupied|faces|failed|declined|backtracked|pulled back|pressured|signed|launched|invaded|annexed|deployed|approved|voted|commented|called on|insists|seeks|offered|framed|made no mention|posted|rose|fell|grew|shrank|increased|decreased|doubled|halved|reached|cut|raised|lost|gained)\b/iu,
    reason: (m) => `an action: ${m[1].toLowerCase()}`,
  },
  {
    id: "comparison",
    english: true,
    pattern: /\b(more|less|fewer|greater|higher|lower|larger|smaller|than|most|least|biggest|largest|smallest|highest|lowest|worst|best|record|never|roughly|nearly|almost|first time|since)\b/iu,
    reason: (m) => `a comparison: ${m[1].toLowerCase()}`,
  },
  {
    id: "date",
    english: true,
    pattern: new RegExp(`\\b(${MONTHS}|${WEEKDAYS})\\b|\\b(?:yesterday|last (?:week|month|year)|a day earlier|hours later|the following day|years? ago)\\b`, "u"),
    reason: () => "a date",
  },
  // A position reported in indirect speech, its verb before any quotation mark ("X rejected the idea
  // that…", "he ruled out…", "she described it as “a trap”"): what someone is on record as saying,
  // checkable against the record, rather than their own words quoted at length.
  {
    id: "reported-stance",
    english: true,
    pattern: /^[^“"«„”]*\b(?:accused|rejected|ruled out|criticized|criticised|insisted|denied|emphasized|emphasised|warned|argued|described|labeled|labelled|called on|called for|expressed|acknowledged|urged|dismissed|questioned|pledged|promised|defended|blamed|condemned|endorsed|opposed)\b/iu,
    reason: () => null,
  },
  // Speech reported indirectly, before any quotation mark ("he said he had spoken with…", "told reporters that…").
  {
    id: "indirect-speech",
    english: true,
    pattern: /^[^“"«„”]*\b(?:said|says|told(?: \w+)?|added|stated)\s+(?:that|he|she|they|it|the|this|there|its|his|her|their)\b/iu,
    reason: () => null,
  },
  // Markets' moves of the day (shares, an index, a yield): news of the day rather than a record worth a check.
  {
    id: "market-move",
    english: true,
    pattern: /\b(?:shares?|stocks?|index|indices|S&P|Dow|Nasdaq|FTSE|DAX|yields?|bonds?|futures|trading)\b[^.]*\b(?:fell|rose|closed|opened|jumped|slipped|climbed|dropped|gained|lost|traded|edged|surged|tumbled)\b|\b(?:after-hours|premarket|pre-market|intraday) trading\b/iu,
    reason: () => null,
  },
  // How a study was done (its participants, its follow-up, where it was published): method, not a finding.
  {
    id: "study-method",
    english: true,
    pattern: /\b(?:participants|volunteers|enrolled|recruited|followed (?:them|up)|follow-up|published (?:on|in)|peer-reviewed|the journal|wore|questionnaires?|randomi[sz]ed|cohort|funded|funding|grant|sponsored|financed|conflicts? of interest|surveyed|interviewed|methodology)\b/iu,
    reason: () => null,
  },
  // A change or a trend stated without a figure ("changed abruptly", "a major reversal", "continue to rise").
  {
    id: "change",
    english: true,
    pattern: /\b(?:changed|reversal|reversed|shift(?:ed)?|declined?|declining|decline|drop(?:ped)?|surged?|jumped|plunged|slumped|soared|rising|falling|grown|growing|shrinking|weaker|stronger|widened|narrowed|continues? to (?:rise|fall|grow)|for the first time|all-time|unprecedented)\b/iu,
    reason: (m) => `a change: ${m[0].toLowerCase()}`,
  },
  // What makes a sentence opinion, colour or structure rather than fact.
  { id: "hedge", english: true, pattern: /\b(could|may|might|would likely|perhaps|possibly|probably|fear|fears|speculated|remains? to be seen|risks?|hint|hints|hinting|seems?|appears?)\b/iu, reason: () => null },
  { id: "reaction", english: true, pattern: /\b(concerns?|alarm|outrage|uneasy|anxious|anxiety|debate|backlash|firestorm|apprehension|chaos|mood|complexity|dynamics|worried|worry|hope|hopes)\b/iu, reason: () => null },
  { id: "opener", english: true, pattern: /^(?:In conclusion|Overall|However|While|Yet|Instead|But|And|So)\b/u, reason: () => null },
  // Opinion and colour in the first person ("I think…", "my daughter said I was mad").
  { id: "first-person", english: true, pattern: /(?<![\p{L}’'])(?:I|I’m|I'm|I’ve|I've|my|me)(?![\p{L}’'])/u, reason: () => null },
  { id: "opinion-verb", english: true, pattern: /\b(?:I|we|you)\s+(?:really\s+|still\s+|just\s+|do not\s+|don[’']t\s+)?(?:think|believe|feel|guess|hope|suppose|reckon|would|care|like|love|want|can[’']t|cannot)\b|\bin my (?:view|opinion)\b/iu, reason: () => null },
  { id: "second-person", english: true, pattern: /(?<![\p{L}’'])(?:you|your|let[’']s)(?![\p{L}’'])/iu, reason: () => null },
  { id: "ought", english: true, pattern: /\b(?:should|must|ought to|need to|needs to)\b/iu, reason: () => null },
  { id: "evaluative", english: true, pattern: /\b(?:good|bad|great|wrong|right|important|useless|easy|difficult|hard|obviously|simply|real|serious|satisfying|unfair|better)\b/iu, reason: () => null },
  // Forecasts, pledges and decisions to act: what will happen cannot be checked yet.
  {
    id: "forecast",
    english: true,
    pattern: /\b(?:will|would|plans? to|pledge|pledged|expects?|expected|prediction|predicts?|predicted|forecasts?|projected|likely to|(?:agreed|decided|voted|promised|intends?|aims?) to (?!be\b|have\b)\w+)\b/iu,
    reason: () => null,
  },
  // Sport: results and records of a game are news, rarely a claim worth a check.
  {
    id: "sport",
    english: true,
    pattern:
      /\b(?:match|matches|semi-finals?|quarter-finals?|finals?|seed|seeded|tie-break|goals?|scored|striker|midfielder|defender|goalkeeper|season|tournament|unforced|serve|kick-off|league|champions?|winners|straight sets|sets?|points|minutes(?! of)|half-time|penalty|stoppage|fixture|squad|stadium|title|titles|runner-up|coach|coached|victory|defeat|club|manager|tickets?|medals?|race|marathon|laps?|personal best|podium|Olympics?|championships?|world record|record time|tries|hat-trick|ruck|scrum|touchline|wicket|innings|halfway|kilometre mark|mile mark)\b/iu,
    reason: () => null,
  },
  // The colour of an event (a queue, a crowd, a cheer): news, not a matter of public record to check.
  {
    id: "event-colour",
    english: true,
    pattern: /\b(?:customers|shoppers|queue|crowd|fans|audience|cheers?|cheered|jeers|laughed|joked|applause|ribbon|doors|ceremony|celebrate|rally|petition|signatures|free)\b/iu,
    reason: () => null,
  },
  // The business of a meeting (who spoke, what was postponed, the contract for snow removal): a local record, rarely a claim.
  {
    id: "procedure",
    english: true,
    pattern: /\b(?:council|councilmember|committee|meeting|agenda|unanimously|postponed|chamber|public comment|the minutes|hearing|motion|adjourned)\b/iu,
    reason: () => null,
  },
  // Matters of public record: the economy, public money, health, science, elections, crime.
  {
    id: "public-matter",
    english: true,
    pattern:
      /\b(jobs|unemployment|employment|wages?|tax|taxes|budget|deficit|debt|inflation|spending|revenue|economy|economic|GDP|growth|rate|rates|poll|voters|election|government|ministers|police|crime|deaths|died|patients|hospitals?|disease|vaccines?|emissions|climate|housing|homes|schools|pupils|health|pension|pensions|profit|profits|sales|market|population|migrants|immigration|households|statistics|average)\b/iu,
    reason: (m) => `a public matter: ${m[1].toLowerCase()}`,
  },
  // Timetables: when something will happen is news, not a claim to check.
  {
    id: "timetable",
    english: true,
    pattern: /\b(?:scheduled|will be held|will be open|will face|will publish|is due to|are due to|has until|next (?:meeting|hearing)|local time|begins?|travels?)\b/iu,
    reason: () => null,
  },
  // A quotation whose speaker is only "he" or "she" is colour more often than a checkable statement.
  { id: "pronoun-speaker", english: true, pattern: /,?[”"],?\s+(?:he|she|they)\s+(?:said|told|added)\b/iu, reason: () => null },
  { id: "vague-speakers", english: true, pattern: /\b(?:critics|experts|observers|some|they|others|supporters|opponents)\b\s+(?:argue|argued|fear|feared|claim|claimed|warn|warned|speculated|say|said|hope|worry)\b/iu, reason: () => null },
  { id: "question", pattern: /\?[”"’»]?\s*$/u, reason: () => null },
  { id: "exclamation", pattern: /![”"’»]?\s*$/u, reason: () => null },
];

/** Numbers that are not quantities to check: clock times ("7 p.m.", "8 h 45"), scores and votes ("6-4"), rankings ("No. 4"). */
export const NOT_QUANTITIES = new RegExp(`${CLOCK_TIME}|\\b\\d{1,2}[-–]\\d{1,2}\\b|\\bNo\\.\\s?\\d+`, "giu");

/** The cues whose setting changes what the raising cues beside them count (see sentenceFeatures). */
const SETTINGS = ["sport", "event-colour", "procedure", "forecast", "forecast-any", "future-any", "intention", "intention-any", "meeting-any", "date-any", "timetable", "quotation", "first-person", "date"];
const RAISERS: string[] = [];

/** The reasons that say a sentence states a figure. */
export const QUANTITY_REASONS = ["a percentage", "an amount", "a number", "a number in words"];

/** Hashed word and word-pair features: this many buckets. */
export const HASH_BUCKETS = 4096;

/** The sentence's length in words, in bands (short ones are fragments of speech more often). */
function lengthBand(words: number): string {
  return words <= 5 ? "len:short" : words <= 12 ? "len:medium" : words <= 30 ? "len:long" : "len:very-long";
}

/** FNV-1a, 32 bits: a stable hash, the same in the trainer and the app. */
function bucket(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % HASH_BUCKETS;
}

/** Lower-cased words with every run of digits one token, so "148,000" and "12" read alike. */
function tokens(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(/\d[\d,.]*|[\p{L}’']+/gu), ([token]) => (/^\d/u.test(token) ? "#" : token.replace(/’/gu, "'")));
}

export interface SentenceFeatures {
  /** Named features that fired: "cue:<id>", "len:<band>", "cue:quote-no-figure". */
  named: string[];
  /** Hashed word and word-pair buckets (word-rule languages only), each once. */
  hashed: number[];
  /** The reason of each cue that fired, by cue id. */
  reasons: Map<string, string>;
}

/** The features of one sentence (trimmed), with or without the word rules (see usesWordRules), and its hashed words when asked. */
export function sentenceFeatures(text: string, wordRules: boolean, withHashed = true): SentenceFeatures {
  const quantities = text.replace(NOT_QUANTITIES, " ");
  const named: string[] = [lengthBand(text.split(/\s+/u).filter(Boolean).length)];
  const reasons = new Map<string, string>();
  for (const cue of CUES) {
    if ((cue.english && !wordRules) || (cue.otherLanguages && wordRules)) continue;
    const match = (cue.quantity ? quantities : text).match(cue.pattern);
    if (!match) continue;
    named.push(`cue:${cue.id}`);
    const reason = cue.reason(match);
    if (reason) reasons.set(cue.id, reason);
  }
  const hasFigure = [...reasons.values()].some((r) => QUANTITY_REASONS.includes(r));
  // A quotation with no figure in it is opinion or colour more often than a checkable statement.
  if (reasons.has("quotation") && !hasFigure) named.push("cue:quote-no-figure");
  // A figure, a comparison or an attribution in an event's or a forecast's setting (a match, a
  // crowd, a meeting, a plan, a quotation) reports something that happened or will, more often
  // than a record worth a check ("the first Italian woman to reach the semi-finals since 2015"):
  // each pairing is a feature of its own, so the model can discount the cue there and nowhere else.
  const raisers = [...(hasFigure ? ["figure"] : []), ...RAISERS.filter((id) => reasons.has(id))];
  // Without the word rules a quotation's words cannot be read (a fan's quip or a minister's figure), so that pairing is the word rules' only.
  for (const setting of SETTINGS) {
    if (!wordRules && setting === "quotation") continue;
    if (named.includes(`cue:${setting}`)) for (const raiser of raisers) named.push(`cue:${raiser}-in-${setting}`);
  }
  // A figure with a named source to check it against ("…, the Labor Department reported").
  if (hasFigure && (reasons.has("source-finding") || reasons.has("attribution")) && (reasons.has("named") || reasons.has("named-official"))) {
    named.push("cue:figure-and-source");
    reasons.set("figure-and-source", "a number and a named source");
  }
  if (!wordRules || !withHashed) return { named, hashed: [], reasons };
  const words = tokens(text);
  const hashed = new Set<number>();
  words.forEach((word, i) => {
    hashed.add(bucket(word));
    hashed.add(bucket(`${i === 0 ? "^" : words[i - 1]} ${word}`));
  });
  return { named, hashed: [...hashed], reasons };
}

/** The learned weights of one reading: named features, and hashed words (none where the word rules do not read). */
export interface Weights {
  bias: number;
  named: Record<string, number>;
  hashed: number[];
}

/** The model's log-odds for a sentence's features under `weights`. */
export function logOdds(weights: Weights, features: { named: string[]; hashed: number[] }): number {
  let sum = weights.bias;
  for (const name of features.named) sum += weights.named[name] ?? 0;
  for (const index of features.hashed) sum += weights.hashed[index] ?? 0;
  return sum;
}
