import { findMentions, mentionedUserIds, mentionQueryAt } from "@/lib/notifications/mentions";

const users = [
  { id: "rita", name: "Rita Reviewer", email: "rita.r@example.org" },
  { id: "ritaShort", name: "Rita", email: "rita@example.org" },
  { id: "elena", name: "Elena Editor", email: "Elena@Example.org" },
];

describe("mentions", () => {
  it("resolves a full name, any case, preferring the longest name that fits", () => {
    expect(mentionedUserIds("@Rita Reviewer can you check the date?", users)).toEqual(["rita"]);
    expect(mentionedUserIds("@rita reviewer, and @Rita too", users)).toEqual(["rita", "ritaShort"]);
  });

  it("resolves an email's local part, leaving a sentence's last dot out", () => {
    expect(mentionedUserIds("Ask @rita.r.", users)).toEqual(["rita"]);
    expect(mentionedUserIds("Ask @elena!", users)).toEqual(["elena"]);
  });

  it("leaves an unknown @name, an email address and a name that runs on as text", () => {
    expect(mentionedUserIds("@nobody knows; write to rita@example.org", users)).toEqual([]);
    expect(mentionedUserIds("@Ritanna", users)).toEqual([]);
  });

  it("names each user once, in order of first mention, with where each mention is", () => {
    const text = "@Elena Editor and @rita.r, then @Elena Editor again";
    expect(mentionedUserIds(text, users)).toEqual(["elena", "rita"]);
    expect(findMentions(text, users).map(({ start, length }) => text.slice(start, start + length))).toEqual(["@Elena Editor", "@rita.r", "@Elena Editor"]);
  });

  it("finds the partial @name being typed before the caret, and none inside an email address", () => {
    expect(mentionQueryAt("Hello @Rit", 10)).toEqual({ start: 6, query: "Rit" });
    expect(mentionQueryAt("Hello @Rita Re and more", 14)).toEqual({ start: 6, query: "Rita Re" });
    expect(mentionQueryAt("mail rita@exa", 13)).toBeNull();
    expect(mentionQueryAt("no mention", 10)).toBeNull();
  });
});
