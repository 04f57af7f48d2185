/**
 * A local news site for the URL-import tests (Jest and Playwright): a realistic article page
 * with its furniture, a redirect chain, a page too big, a slow page, other content types and
 * a page in windows-1252. Listens on 127.0.0.1 only.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";

export const NEWS_PAGE = readFileSync(path.join(__dirname, "news-page.html"), "utf8");
export const NEWS_PATH = "/news/2025/03/04/sea-wall";

/** A French page in windows-1252 (é, è, the euro sign and curly quotes are single bytes there). */
export const LATIN_TEXT = "Le conseil a voté « oui » : 12 000 € pour l’été, déjà décidé.";
/** Encodes text as windows-1252 (the euro sign and typographic quotes are the bytes that differ from Latin-1). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { "€": 0x80, "’": 0x92, "‘": 0x91, "“": 0x93, "”": 0x94 };
  return Buffer.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
}

export interface NewsServer {
  origin: string;
  /** host:port, as VERITY_FETCH_ALLOW_HOSTS lists it. */
  host: string;
  /** Connections accepted so far: a refused fetch must not have made one. */
  connections(): number;
  close(): Promise<void>;
}

export function startNewsServer(port = 0): Promise<NewsServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const html = (body: string | Buffer, type = "text/html; charset=utf-8") => {
      response.writeHead(200, { "content-type": type });
      response.end(body);
    };
    const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
    if (url.pathname === NEWS_PATH) return html(NEWS_PAGE);
    if (redirect) {
      const left = Number(redirect[1]);
      response.writeHead(302, { location: left === 0 ? NEWS_PATH : `/redirect/${left - 1}` });
      return response.end();
    }
    switch (url.pathname) {
      case "/to-metadata":
        response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" });
        return response.end();
      case "/gzip":
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        return response.end(zlib.gzipSync(NEWS_PAGE));
      case "/windows-1252":
        return html(windows1252(`<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Le conseil vote</title></head><body><article><h1>Le conseil vote</h1><p>${LATIN_TEXT}</p></article></body></html>`), "text/html");
      case "/iso-8859-1":
        return html(windows1252(`<!doctype html><html lang="fr"><head><title>Le conseil vote</title></head><body><article><h1>Le conseil vote</h1><p>${LATIN_TEXT.replace("€", "EUR").replace("’", "'")}</p></article></body></html>`), "text/html; charset=ISO-8859-1");
      case "/big": {
        // No Content-Length: the limit must hold while the page streams in.
        response.writeHead(200, { "content-type": "text/html" });
        const chunk = `<p>${"Filler text for a page far too big. ".repeat(1000)}</p>`;
        let sent = 0;
        const more = () => {
          while (sent < 400 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) return void response.once("drain", more);
          }
          response.end();
        };
        return more();
      }
      case "/slow":
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<!doctype html><p>The start of a page that never ends");
        // Never ended: the fetch's total timeout must give up.
        return;
      case "/report.pdf":
        return html("%PDF-1.7\n", "application/pdf");
      case "/data.json":
        return html('{"headline":"not a page"}', "application/json");
      default:
        response.writeHead(404, { "content-type": "text/html" });
        return response.end("<p>Not found</p>");
    }
  });
  let connections = 0;
  server.on("connection", () => connections++);
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        host: `127.0.0.1:${actual}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
