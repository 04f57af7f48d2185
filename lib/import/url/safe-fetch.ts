import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { TextDecoder } from "@exodus/bytes/encoding.js";
import htmlEncodingSniffer from "html-encoding-sniffer";
import { addressRefusal, allowedHosts, hostAndPort } from "./address-policy";

/** A fetch Verity will not make or could not finish; the message is for the editor. */
export class FetchRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchRefusedError";
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses; tests inject their own, so no query leaves the machine. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchLimits {
  resolve: Resolver;
  /** host:port entries fetched from whatever their address (VERITY_FETCH_ALLOW_HOSTS). */
  allowHosts: Set<string>;
  maxBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

export interface FetchedPage {
  /** Where the page came from, after redirects. */
  url: string;
  html: string;
}

const MB = 1024 * 1024;

const DEFAULT_FETCH_LIMITS: Omit<FetchLimits, "allowHosts"> = {
  resolve: async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })) as ResolvedAddress[],
  maxBytes: 5 * MB,
  maxRedirects: 5,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
};

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a web page for import, refusing anything that would make the server reach its
 * own network: http(s) only, every address checked after DNS resolution and on every
 * redirect, and the connection made to the address that was checked (no second lookup).
 */
export async function fetchPage(rawUrl: string, limits: Partial<FetchLimits> = {}): Promise<FetchedPage> {
  const settings = { ...DEFAULT_FETCH_LIMITS, allowHosts: allowedHosts(), ...limits };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.totalTimeoutMs);
  try {
    let url = httpUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(url, settings);
      const outcome = await get(url, address, settings, deadline.signal);
      if ("html" in outcome) return { url: url.href, html: outcome.html };
      if (redirects === settings.maxRedirects) throw new FetchRefusedError(`The page redirected more than ${settings.maxRedirects} times.`);
      url = httpUrl(new URL(outcome.location, url).href);
    }
  } catch (error) {
    if (deadline.signal.aborted) throw new FetchRefusedError(`The site took longer than ${settings.totalTimeoutMs / 1000} seconds to send the page.`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function httpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError("Enter a web address starting with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusedError(`Only http:// and https:// pages can be imported, not ${url.protocol}//.`);
  }
  if (url.username || url.password) throw new FetchRefusedError("A web address with a user name or password cannot be imported.");
  return url;
}

/** The address to connect to: resolved once, checked, then pinned for the connection. */
async function checkedAddress(url: URL, settings: FetchLimits): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    addresses = await settings.resolve(host).catch(() => []);
    if (addresses.length === 0) throw new FetchRefusedError(`The name ${host} could not be found.`);
  }
  if (!settings.allowHosts.has(hostAndPort(url))) {
    // Every answer is checked: a name that also resolves to an inner address is refused outright.
    for (const { address } of addresses) {
      const refusal = addressRefusal(address);
      if (refusal) throw new FetchRefusedError(refusal);
    }
  }
  return addresses[0];
}

type Outcome = { html: string } | { location: string };

function get(url: URL, pinned: ResolvedAddress, settings: FetchLimits, signal: AbortSignal): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // Node asks this instead of DNS: the connection goes to the address that was checked.
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      agent: false,
      lookup,
      signal,
      headers: { accept: "text/html,application/xhtml+xml", "accept-encoding": "gzip, deflate, br", "user-agent": "Verity article import" },
    });
    const fail = (error: Error) => {
      request.destroy();
      reject(error);
    };
    const connectTimer = setTimeout(
      () => fail(new FetchRefusedError(`The site did not answer within ${settings.connectTimeoutMs / 1000} seconds.`)),
      settings.connectTimeoutMs,
    );
    request.on("socket", (socket) => socket.once("connect", () => clearTimeout(connectTimer)));
    request.on("error", (error) => {
      clearTimeout(connectTimer);
      reject(error instanceof FetchRefusedError || signal.aborted ? error : new FetchRefusedError(connectionProblem(error)));
    });
    request.on("response", (response) => {
      clearTimeout(connectTimer);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status) && response.headers.location) {
        response.resume();
        request.destroy();
        return resolve({ location: response.headers.location });
      }
      const problem = responseProblem(response, settings.maxBytes);
      if (problem) return fail(new FetchRefusedError(problem));
      readBody(response, settings.maxBytes).then(
        (bytes) => resolve({ html: decodeHtml(bytes, response.headers["content-type"]) }),
        fail,
      );
    });
    request.end();
  });
}

function connectionProblem(error: NodeJS.ErrnoException): string {
  if (error.code === "ECONNREFUSED") return "The site refused the connection.";
  if (error.code === "ECONNRESET") return "The site closed the connection.";
  if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")) return "The site's secure connection could not be verified.";
  return "The page could not be fetched.";
}

/** What is wrong with a response before its body is read, or null. */
function responseProblem(response: IncomingMessage, maxBytes: number): string | null {
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) return `The site answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""} instead of the page.`;
  const type = (response.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (!HTML_TYPES.has(type)) return `The address is not a web page (it is ${type ? `of type ${type}` : "of no stated type"}); only HTML pages can be imported.`;
  if (Number(response.headers["content-length"]) > maxBytes) return tooLarge(maxBytes);
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase();
  if (!Object.hasOwn(DECODERS, encoding)) return `The site sent the page in an encoding Verity cannot read (${encoding}).`;
  return null;
}

/** The content encodings Verity reads, each making its decompressing stream (none for identity). */
const DECODERS: Record<string, () => NodeJS.ReadWriteStream | null> = {
  identity: () => null,
  gzip: zlib.createGunzip,
  "x-gzip": zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
};

function tooLarge(maxBytes: number) {
  return `The page is larger than ${maxBytes / MB} MB.`;
}

/** The body, decompressed, stopped as soon as it passes the limit (never read whole first). */
function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase();
  const decoder = DECODERS[encoding]!();
  const stream: Readable = decoder ? (response.pipe(decoder) as unknown as Readable) : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new FetchRefusedError(tooLarge(maxBytes)));
        stream.destroy();
        response.destroy();
      } else chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", () => reject(new FetchRefusedError("The page arrived damaged and could not be read.")));
    response.on("aborted", () => reject(new FetchRefusedError("The site stopped sending the page.")));
  });
}

/**
 * The page's text in the charset its header or its own <meta charset> names; UTF-8 when
 * neither does. Decoded by @exodus/bytes, which follows the Encoding Standard (Node's own
 * TextDecoder reads windows-1252 as Latin-1, losing € and curly quotes).
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): string {
  const label = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  const encoding = htmlEncodingSniffer(bytes, { transportLayerEncodingLabel: label, defaultEncoding: "UTF-8" });
  return new TextDecoder(encoding).decode(bytes);
}
