import * as jwt from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

jest.mock("next-auth/jwt", () => {
  const actual = jest.requireActual<typeof import("next-auth/jwt")>("next-auth/jwt");
  return { ...actual, decode: jest.fn(actual.decode) };
});

const SECRET = "a test secret that is long enough for the key";
const decode = jest.mocked(jwt.decode);

beforeEach(() => decode.mockClear());

describe("decodeSessionToken", () => {
  it("decodes a session cookie as next-auth does, and decodes it only once", async () => {
    const token = await jwt.encode({ token: { uid: "user-1", sv: 3 }, secret: SECRET, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret: SECRET });
    const second = await decodeSessionToken({ token, secret: SECRET });
    expect(first).toMatchObject({ uid: "user-1", sv: 3 });
    expect(second).toEqual(first);
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it("keeps each cookie apart", async () => {
    const one = await jwt.encode({ token: { uid: "user-a" }, secret: SECRET, maxAge: 60 });
    const two = await jwt.encode({ token: { uid: "user-b" }, secret: SECRET, maxAge: 60 });
    expect(await decodeSessionToken({ token: one, secret: SECRET })).toMatchObject({ uid: "user-a" });
    expect(await decodeSessionToken({ token: two, secret: SECRET })).toMatchObject({ uid: "user-b" });
  });

  it("refuses a cookie made with another secret, every time (a refusal is not kept)", async () => {
    const forged = await jwt.encode({ token: { uid: "admin" }, secret: "some other secret entirely", maxAge: 60 });
    await expect(decodeSessionToken({ token: forged, secret: SECRET })).rejects.toThrow();
    await expect(decodeSessionToken({ token: forged, secret: SECRET })).rejects.toThrow();
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("does not keep a session that has already expired", async () => {
    // Within jose's 15 s clock tolerance, so it still decodes: it must be decoded again each time.
    const expired = await jwt.encode({ token: { uid: "user-x" }, secret: SECRET, maxAge: -5 });
    await decodeSessionToken({ token: expired, secret: SECRET });
    await decodeSessionToken({ token: expired, secret: SECRET });
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("reads no cookie as no session", async () => {
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
    expect(decode).not.toHaveBeenCalled();
  });
});
