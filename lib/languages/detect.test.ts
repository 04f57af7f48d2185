import { detectLanguage } from "@/lib/languages/detect";

describe("detectLanguage", () => {
  test.each([
    ["en", "The minister said unemployment fell to 4 percent last year, the lowest figure since 2008."],
    ["fr", "Le gouvernement a annoncé mardi une hausse de 3 % des retraites, selon le ministre de l'Économie."],
    ["de", "Die Mieten in Berlin sind im vergangenen Jahr um sieben Prozent gestiegen, teilte das Statistikamt mit."],
    ["es", "Las exportaciones crecieron un 4 % en el primer trimestre, según el Instituto Nacional de Estadística."],
    ["pt", "O presidente disse que a inflação vai cair no próximo ano, mas os economistas discordam."],
    ["ru", "Правительство объявило о повышении пенсий на три процента с первого января."],
    ["ar", "أعلنت الحكومة عن زيادة الرواتب بنسبة ثلاثة في المئة اعتبارا من الشهر المقبل."],
  ])("names %s from a news sentence", async (language, text) => {
    expect(await detectLanguage(text)).toBe(language);
  });

  test("says nothing when there is nothing to tell by", async () => {
    expect(await detectLanguage("")).toBeNull();
    expect(await detectLanguage("2024 – 12 – 03")).toBeNull();
  });
});
