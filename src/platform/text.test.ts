import { describe, expect, it } from "vitest";
import { isEmailAddress, slugify, swedishPrefixQuery } from "./text.js";

describe("shared text rules", () => {
  it("makes slugs from Swedish names", () => {
    expect(slugify("Stöd vid våld i nära relationer")).toBe("stod-vid-vald-i-nara-relationer");
    expect(slugify("Ny mötesplats för unga vuxna", 12)).toBe("ny-motesplat");
    expect(slugify("!!!")).toBe("");
  });

  it("accepts addresses with a top-level domain of two letters or more", () => {
    expect(isEmailAddress("namn@exempel.se")).toBe(true);
    expect(isEmailAddress("namn@exempel.s")).toBe(false);
    expect(isEmailAddress("inte-en-adress")).toBe(false);
    expect(isEmailAddress("kalle.o'hara+oro@kommun.exempel.se")).toBe(true);
    expect(isEmailAddress("åsa@exempel.se")).toBe(true);
    // Never a list, a display name or a header break.
    for (const bad of [
      "a@x.se, attacker@evil.example",
      "a,b@evil.example",
      "a@x.se;b@y.se",
      "Kalle <k@x.se>",
      "a@x.se\r\nBcc: b@evil.example",
      "a@x.se\nb",
      '"a b"@x.se',
      "a@@x.se",
      "a@x..se",
      "a@-x.se",
      ".a@x.se",
    ]) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
  });

  it("builds prefix queries that nothing typed can break", () => {
    expect(swedishPrefixQuery("blanketter lätt")).toBe("blanketter:* & lätt:*");
    expect(swedishPrefixQuery("a & | ! ' :*")).toBeNull();
    expect(swedishPrefixQuery("Ny mötesplats för unga vuxna", { all: false, minLength: 5 })).toBe(
      "mötesplats:* | vuxna:*",
    );
  });
});
