import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { detectFurniture } from "./furniture";

/**
 * The labelled furniture set (bench/furniture/*.txt): each file a "title:" line, then one
 * paragraph a line, "F " for furniture and "A " for the article's own text.
 */
export const FURNITURE_SET_DIR = path.join(process.cwd(), "bench", "furniture");

export interface LabelledText {
  name: string;
  title: string;
  paragraphs: Array<{ text: string; furniture: boolean }>;
}

export function loadFurnitureSet(dir = FURNITURE_SET_DIR): LabelledText[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => {
      const [titleLine, ...lines] = readFileSync(path.join(dir, file), "utf8").trim().split("\n");
      return {
        name: file.replace(/\.txt$/, ""),
        title: titleLine.replace(/^title:\s*/, ""),
        paragraphs: lines.map((line) => ({ text: line.slice(2), furniture: line.startsWith("F ") })),
      };
    });
}

export interface FurnitureScore {
  texts: number;
  paragraphs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Each paragraph the detection got wrong, for reading. */
  mistakes: Array<{ text: string; paragraph: string; labelled: "furniture" | "article" }>;
}

/** Precision and recall of detectFurniture on the labelled texts. */
export function scoreFurniture(set: LabelledText[]): FurnitureScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: FurnitureScore["mistakes"] = [];
  for (const labelled of set) {
    const found = detectFurniture(labelled.paragraphs.map((p) => p.text), labelled.title);
    labelled.paragraphs.forEach((paragraph, i) => {
      const detected = found[i] !== null;
      if (detected && paragraph.furniture) truePositives++;
      if (detected === paragraph.furniture) return;
      if (detected) falsePositives++;
      else falseNegatives++;
      mistakes.push({ text: labelled.name, paragraph: paragraph.text, labelled: paragraph.furniture ? "furniture" : "article" });
    });
  }
  return {
    texts: set.length,
    paragraphs: set.reduce((sum, t) => sum + t.paragraphs.length, 0),
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    mistakes,
  };
}
