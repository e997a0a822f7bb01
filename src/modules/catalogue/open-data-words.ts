/**
 * The open data's own descriptions (data, not UI): the dataset's title and description in the
 * JSON and in DCAT-AP-SE, the distributions' titles, and the CSV's yes and no. Harvesters and
 * spreadsheets read these in Swedish, whatever language a visitor chose.
 */
export const OPEN_DATA_WORDS = {
  datasetTitle: "Stöd och hjälp från socialtjänsten",
  datasetTitleEn: "Support services from the social services",
  datasetDescription:
    "Alla stöd och insatser som socialtjänsten erbjuder: vem de är till för, vad man får, vad det kostar, om man behöver ansöka och hur man kontaktar oss.",
  catalogTitle: (publisher: string) => `Öppna data från ${publisher}`,
  catalogDescription: "Datamängder som socialtjänsten publicerar som öppna data.",
  jsonTitle: "Stöd och hjälp (JSON)",
  csvTitle: "Stöd och hjälp (CSV)",
  yes: "ja",
  no: "nej",
} as const;
