/**
 * @jest-environment jsdom
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useJson } from "@/components/search/use-json";

// React warns unless it is told the tests wrap updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Loaded = ReturnType<typeof useJson<{ id: string }>>;

/** Renders useJson and records each state it returns. */
function mount(url: string) {
  const states: Loaded[] = [];
  let latest!: Loaded;
  function Probe({ url }: { url: string }) {
    latest = useJson<{ id: string }>(url);
    states.push(latest);
    return null;
  }
  const root: Root = createRoot(document.createElement("div"));
  const render = (next: string) => act(async () => root.render(<Probe url={next} />));
  return { states, render: render, reload: () => act(async () => latest.reload()), initial: render(url), unmount: () => act(async () => root.unmount()) };
}

/** A response whose body arrives when `release` is called, and fails as fetch's does if the request is aborted first. */
function slowResponse(body: unknown, signal: AbortSignal) {
  let release!: () => void;
  const json = new Promise((resolve, reject) => {
    release = () => resolve(body);
    signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
  });
  return { response: { ok: true, json: () => json } as unknown as Response, release: () => release() };
}

// jsdom has no fetch: each test gives its own.
function stubFetch(implementation: (url: string, init?: RequestInit) => Promise<Response>) {
  globalThis.fetch = implementation as typeof fetch;
}

describe("useJson", () => {
  it("gives the JSON the URL answers with", async () => {
    stubFetch(async () => ({ ok: true, json: async () => ({ id: "one" }) }) as Response);
    const probe = mount("/thing/1");
    await probe.initial;
    expect(probe.states.at(-1)).toMatchObject({ data: { id: "one" }, error: null });
    await probe.unmount();
  });

  it("shows the error a failed answer gives", async () => {
    stubFetch(async () => ({ ok: false, json: async () => ({ error: "That claim was not found." }) }) as Response);
    const probe = mount("/thing/1");
    await probe.initial;
    expect(probe.states.at(-1)).toMatchObject({ data: null, error: "That claim was not found." });
    await probe.unmount();
  });

  it("never takes a request given up while its body was arriving (a reload) as the data", async () => {
    const pending: Array<ReturnType<typeof slowResponse>> = [];
    stubFetch(async (_url: string, init?: RequestInit) => {
      const slow = slowResponse({ id: `answer ${pending.length + 1}` }, init!.signal!);
      pending.push(slow);
      return slow.response;
    });
    const probe = mount("/thing/1");
    await probe.initial;
    await probe.reload(); // gives up the first request while its body is still arriving
    await act(async () => pending[1].release());
    expect(probe.states.map((state) => state.data)).not.toContainEqual(expect.objectContaining({ error: expect.anything() }));
    expect(probe.states.at(-1)).toMatchObject({ data: { id: "answer 2" }, error: null });
    await probe.unmount();
  });

  it("reports an answer that is not JSON as an error, not as data", async () => {
    stubFetch(async () => ({ ok: true, json: async () => JSON.parse("<html>") }) as Response);
    const probe = mount("/thing/1");
    await probe.initial;
    expect(probe.states.at(-1)).toMatchObject({ data: null, error: "The server's answer could not be read." });
    await probe.unmount();
  });
});
