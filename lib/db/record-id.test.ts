import { newRecordId } from "@/lib/db/record-id";

describe("newRecordId", () => {
  it("looks like Prisma's cuid(): 25 lower-case base-36 characters starting with c", () => {
    expect(newRecordId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("does not repeat over 100,000 ids made in the same milliseconds", () => {
    const ids = new Set(Array.from({ length: 100_000 }, newRecordId));
    expect(ids.size).toBe(100_000);
  });

  it("sorts ids made later after ids made earlier", () => {
    const now = Date.now();
    const spy = jest.spyOn(Date, "now").mockReturnValueOnce(now).mockReturnValueOnce(now + 1000);
    const [earlier, later] = [newRecordId(), newRecordId()];
    spy.mockRestore();
    expect(earlier.slice(0, 9) < later.slice(0, 9)).toBe(true);
  });
});
