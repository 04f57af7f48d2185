/**
 * Furniture benchmark (issue 15): precision and recall of the import's site-furniture
 * detection (lib/import/furniture.ts) on the labelled texts in bench/furniture/ (the set the
 * rules were written against) and bench/furniture/held-out/ (written after, never tuned on).
 * In process: no app, no database.
 */
import path from "node:path";
import { report } from "@/bench/support";
import { FURNITURE_SET_DIR, loadFurnitureSet, scoreFurniture } from "@/lib/import/furniture-set";

export async function runFurnitureBench() {
  const tuning = scoreFurniture(loadFurnitureSet());
  const heldOut = scoreFurniture(loadFurnitureSet(path.join(FURNITURE_SET_DIR, "held-out")));
  report(
    "furniture",
    { paragraphs: tuning.paragraphs, "held-out paragraphs": heldOut.paragraphs },
    [
      { figure: `precision, ${tuning.texts} texts the rules were written on`, value: percent(tuning.precision), unit: "%", target: ">= 95%", met: tuning.precision >= 0.95 },
      { figure: `recall, ${tuning.texts} texts the rules were written on`, value: percent(tuning.recall), unit: "%", target: ">= 95%", met: tuning.recall >= 0.95 },
      { figure: `precision, ${heldOut.texts} held-out texts`, value: percent(heldOut.precision), unit: "%", target: "-", met: null },
      { figure: `recall, ${heldOut.texts} held-out texts`, value: percent(heldOut.recall), unit: "%", target: "-", met: null },
    ],
    { columns: ["set", "missed or wrongly removed paragraph"], rows: heldOut.mistakes.concat(tuning.mistakes).map((m) => [m.text, `${m.labelled}: ${m.paragraph}`]) },
  );
}

const percent = (fraction: number) => fraction * 100;
