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
  });

  it("builds prefix queries that nothing typed can break", () => {
    expect(swedishPrefixQuery("blanketter lätt")).toBe("blanketter:* & lätt:*");
    expect(swedishPrefixQuery("a & | ! ' :*")).toBeNull();
    expect(swedishPrefixQuery("Ny mötesplats för unga vuxna", { all: false, minLength: 5 })).toBe("mötesplats:* | vuxna:*");
  });
});
