import { describe, expect, it } from "vitest";
import { epochDay } from "#search/documents";
import { monthLabel, monthLabelOfDay } from "~/domain/search/explanation";

/* Employers see availability by month only, in Dutch ("maart 2027"); labels are kept per month. */
describe("month labels", () => {
  it("names every month in Dutch, the same on every call", () => {
    const names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    for (let round = 0; round < 2; round++) {
      names.forEach((name, i) => {
        const month = `2027-${String(i + 1).padStart(2, "0")}`;
        expect(monthLabel(month)).toBe(`${name} 2027`);
        expect(monthLabelOfDay(epochDay(`${month}-01`))).toBe(`${name} 2027`);
        expect(monthLabelOfDay(epochDay(`${month}-28`))).toBe(`${name} 2027`);
      });
    }
    expect(monthLabelOfDay(epochDay("2026-12-31"))).toBe("december 2026");
  });
});
