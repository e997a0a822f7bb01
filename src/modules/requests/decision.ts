/**
 * Secrecy grounds and the written decision when a request for public documents is refused or
 * granted only in part. The decision states what was refused, on which provision, and how to
 * appeal: to the administrative court of appeal (kammarrätten), lodged with the authority
 * within three weeks of receiving the decision (OSL 6 kap. 7 §, förvaltningslagen 44 §).
 */
export interface SecrecyGround {
  /** Short form used on masks and in lists: "OSL 26:1". */
  readonly code: string;
  /** As written in a decision. */
  readonly provision: string;
  /** What it protects, in plain Swedish. */
  readonly protects: string;
}

export const SECRECY_GROUNDS: readonly SecrecyGround[] = [
  {
    code: "OSL 26:1",
    provision: "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)",
    protects: "uppgifter om en enskild persons personliga förhållanden inom socialtjänsten",
  },
  {
    code: "OSL 26:5",
    provision: "26 kap. 5 § offentlighets- och sekretesslagen (2009:400)",
    protects: "vem som har anmält något eller lämnat uppgifter till socialtjänsten",
  },
  {
    code: "OSL 21:1",
    provision: "21 kap. 1 § offentlighets- och sekretesslagen (2009:400)",
    protects: "uppgifter om en enskild persons hälsa eller sexualliv",
  },
  {
    code: "OSL 21:3",
    provision: "21 kap. 3 § offentlighets- och sekretesslagen (2009:400)",
    protects:
      "en enskild persons adress och andra uppgifter som kan visa var personen finns, när personen kan utsättas för hot eller våld",
  },
  {
    code: "OSL 39:3",
    provision: "39 kap. 3 § offentlighets- och sekretesslagen (2009:400)",
    protects: "uppgifter om en anställds personliga förhållanden i personaladministrativ verksamhet",
  },
  {
    code: "OSL 19:3",
    provision: "19 kap. 3 § offentlighets- och sekretesslagen (2009:400)",
    protects: "uppgifter i en pågående upphandling",
  },
];

export function groundByCode(code: string): SecrecyGround | undefined {
  return SECRECY_GROUNDS.find((g) => g.code === code);
}

export type Outcome = "full" | "partial" | "refused";

export interface DecisionInput {
  readonly organisation: string;
  readonly caseNumber: string;
  readonly decidedAt: Date;
  readonly decidedBy: string;
  readonly requester: string | null;
  readonly requested: string;
  readonly outcome: Outcome;
  /** Per document: its title, and for a refused or masked document the grounds used. */
  readonly documents: readonly {
    title: string;
    outcome: "release" | "partial" | "refuse";
    grounds: readonly string[];
  }[];
  readonly reason: string;
}

const date = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(d);

export const APPEAL_TEXT = [
  "Så överklagar du",
  "Om du inte är nöjd med beslutet kan du överklaga det till kammarrätten.",
  "Skriv vilket beslut du överklagar, till exempel genom att ange ärendenumret, och varför du tycker att det ska ändras.",
  "Skicka överklagandet till oss, inte till kammarrätten. Vi måste ha fått det inom tre veckor från den dag du fick del av beslutet.",
  "Du behöver inte tala om vem du är eller varför du vill ha handlingarna. Om vi inte vet vem du är kan vi ändå ta emot ditt överklagande.",
  "Vi prövar först om vi själva ska ändra beslutet. Annars skickar vi överklagandet vidare till kammarrätten.",
].join("\n");

/** The written decision as plain text (shown, sent and registered as a document). */
export function decisionText(d: DecisionInput): string {
  if (d.outcome === "full") throw new Error("A request released in full needs no written decision");
  const grounds = [...new Set(d.documents.flatMap((doc) => doc.grounds))]
    .map(groundByCode)
    .filter((g): g is SecrecyGround => g !== undefined);
  const what =
    d.outcome === "refused"
      ? "Vi lämnar inte ut de handlingar du har begärt."
      : "Vi lämnar ut de handlingar du har begärt, men med vissa uppgifter borttagna (maskerade).";
  const perDocument = d.documents.map((doc) => {
    const how =
      doc.outcome === "release"
        ? "lämnas ut"
        : doc.outcome === "partial"
          ? `lämnas ut med maskering (${doc.grounds.join(", ")})`
          : `lämnas inte ut (${doc.grounds.join(", ")})`;
    return `- ${doc.title}: ${how}`;
  });
  return [
    `Beslut om utlämnande av allmän handling`,
    `${d.organisation}`,
    `Ärende: ${d.caseNumber}`,
    `Datum: ${date(d.decidedAt)}`,
    "",
    `Till: ${d.requester ?? "Den som har begärt att få ta del av handlingarna (anonym)"}`,
    `Du har begärt att få ta del av: ${d.requested}`,
    "",
    "Beslut",
    what,
    ...perDocument,
    "",
    "Skäl för beslutet",
    d.reason.trim(),
    ...grounds.map(
      (g) => `Uppgifterna omfattas av sekretess enligt ${g.provision}. Bestämmelsen skyddar ${g.protects}.`,
    ),
    "",
    APPEAL_TEXT,
    "",
    `Beslutet togs av ${d.decidedBy}.`,
  ].join("\n");
}
