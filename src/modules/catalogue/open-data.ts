/**
 * The catalogue as open data: JSON and CSV of every published service, schema.org
 * GovernmentService JSON-LD on each page, and a DCAT-AP-SE description of the dataset
 * (RDF/XML, which Sveriges dataportal harvests).
 */
import { stringify } from "csv-stringify/sync";
import type { OpenDataRow, ServicePage } from "./queries.js";
import { OPEN_DATA_WORDS as W } from "./open-data-words.js";
import { choiceLabel, SITUATIONS } from "./situations.js";

export type OpenService = OpenDataRow;

export const LICENSE_URI = "http://creativecommons.org/publicdomain/zero/1.0/";

const day = (d: Date) => new Date(d).toISOString().slice(0, 10);

/** One service as the open-data record (the same fields in JSON and CSV). */
export function openRecord(s: OpenService, base: string) {
  return {
    id: s.slug,
    url: `${base}/stod/${s.slug}`,
    name: s.name,
    summary: s.summary,
    forWhom: s.for_whom,
    whatYouGet: s.what_you_get,
    cost: s.cost,
    decisionNeeded: s.access === "decision",
    phone: s.phone || null,
    email: s.email || null,
    webForm: s.web_form ? `${base}/fraga?stod=${s.slug}` : null,
    address: s.address || null,
    openingHours: s.opening_hours || null,
    accessibility: s.accessibility || null,
    languages: s.languages,
    situations: s.situations.map((id) => choiceLabel(SITUATIONS, id, "sv")),
    unit: s.unit_name,
    lastReviewed: day(s.last_reviewed_at),
    modified: new Date(s.updated_at).toISOString(),
    version: s.version,
  };
}

export function catalogueJson(rows: readonly OpenService[], base: string, publisher: string) {
  return {
    title: W.datasetTitle,
    publisher,
    license: LICENSE_URI,
    generated: new Date().toISOString(),
    count: rows.length,
    services: rows.map((s) => openRecord(s, base)),
  };
}

export function catalogueCsv(rows: readonly OpenService[], base: string): string {
  const records = rows.map((s) => {
    const r = openRecord(s, base);
    return {
      ...r,
      decisionNeeded: r.decisionNeeded ? W.yes : W.no,
      languages: r.languages.join("; "),
      situations: r.situations.join("; "),
    };
  });
  // A byte order mark so Excel opens the Swedish letters right.
  return `\uFEFF${stringify(records, { header: true, record_delimiter: "windows" })}`;
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can close the element. */

export function governmentServiceJsonLd(s: ServicePage, base: string, orgName: string): Record<string, unknown> {
  const url = `${base}/stod/${s.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    "@id": url,
    url,
    name: s.name,
    description: s.summary,
    serviceType: s.situations.map((id) => choiceLabel(SITUATIONS, id, "sv")),
    audience: { "@type": "Audience", audienceType: s.for_whom },
    provider: {
      "@type": "GovernmentOrganization",
      name: orgName,
      ...(s.unit_name ? { department: { "@type": "GovernmentOrganization", name: s.unit_name } } : {}),
    },
    areaServed: { "@type": "AdministrativeArea", name: "Exempelstads kommun" },
    isAccessibleForFree: /^gratis|kostar ingenting/i.test(s.cost),
    availableChannel: {
      "@type": "ServiceChannel",
      serviceUrl: s.web_form ? `${base}/fraga?stod=${s.slug}` : url,
      availableLanguage: s.languages,
      ...(s.phone
        ? { servicePhone: { "@type": "ContactPoint", telephone: s.phone, hoursAvailable: s.opening_hours } }
        : {}),
      ...(s.address ? { serviceLocation: { "@type": "Place", address: s.address } } : {}),
    },
    dateModified: new Date(s.updated_at).toISOString(),
  };
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** DCAT-AP-SE: a catalogue with one dataset (the help catalogue) in two distributions. */
export function dcatRdf(p: {
  base: string;
  publisher: string;
  contactEmail: string;
  modified: Date;
  situations: readonly string[];
}): string {
  const b = xml(p.base);
  const dist = (file: string, title: string, type: string, media: string) => `
  <dcat:Distribution rdf:about="${b}/stod/${file}">
    <dcterms:title xml:lang="sv">${xml(title)}</dcterms:title>
    <dcat:accessURL rdf:resource="${b}/stod/${file}"/>
    <dcat:downloadURL rdf:resource="${b}/stod/${file}"/>
    <dcterms:format rdf:resource="http://publications.europa.eu/resource/authority/file-type/${type}"/>
    <dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/${media}"/>
    <dcterms:license rdf:resource="${LICENSE_URI}"/>
  </dcat:Distribution>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:dcat="http://www.w3.org/ns/dcat#"
  xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:foaf="http://xmlns.com/foaf/0.1/"
  xmlns:vcard="http://www.w3.org/2006/vcard/ns#"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
  <dcat:Catalog rdf:about="${b}/stod/dcat.rdf#catalog">
    <dcterms:title xml:lang="sv">${xml(W.catalogTitle(p.publisher))}</dcterms:title>
    <dcterms:description xml:lang="sv">${xml(W.catalogDescription)}</dcterms:description>
    <dcterms:publisher rdf:resource="${b}/#publisher"/>
    <dcterms:language rdf:resource="http://publications.europa.eu/resource/authority/language/SWE"/>
    <dcterms:license rdf:resource="${LICENSE_URI}"/>
    <foaf:homepage rdf:resource="${b}/"/>
    <dcterms:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#date">${day(p.modified)}</dcterms:modified>
    <dcat:dataset rdf:resource="${b}/stod#dataset"/>
  </dcat:Catalog>
  <foaf:Agent rdf:about="${b}/#publisher">
    <foaf:name xml:lang="sv">${xml(p.publisher)}</foaf:name>
    <dcterms:type rdf:resource="http://purl.org/adms/publishertype/LocalAuthority"/>
  </foaf:Agent>
  <dcat:Dataset rdf:about="${b}/stod#dataset">
    <dcterms:title xml:lang="sv">${xml(W.datasetTitle)}</dcterms:title>
    <dcterms:title xml:lang="en">${xml(W.datasetTitleEn)}</dcterms:title>
    <dcterms:description xml:lang="sv">${xml(W.datasetDescription)}</dcterms:description>
    <dcterms:publisher rdf:resource="${b}/#publisher"/>
    <dcat:contactPoint>
      <vcard:Organization>
        <vcard:fn>${xml(p.publisher)}</vcard:fn>
        <vcard:hasEmail rdf:resource="mailto:${xml(p.contactEmail)}"/>
      </vcard:Organization>
    </dcat:contactPoint>
    <dcat:theme rdf:resource="http://publications.europa.eu/resource/authority/data-theme/SOCI"/>
    <dcat:theme rdf:resource="http://publications.europa.eu/resource/authority/data-theme/GOVE"/>
${p.situations.map((s) => `    <dcat:keyword xml:lang="sv">${xml(s)}</dcat:keyword>`).join("\n")}
    <dcterms:language rdf:resource="http://publications.europa.eu/resource/authority/language/SWE"/>
    <dcterms:accrualPeriodicity rdf:resource="http://publications.europa.eu/resource/authority/frequency/IRREG"/>
    <dcterms:spatial rdf:resource="http://publications.europa.eu/resource/authority/country/SWE"/>
    <dcterms:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#date">${day(p.modified)}</dcterms:modified>
    <dcat:landingPage rdf:resource="${b}/stod"/>
    <dcat:distribution rdf:resource="${b}/stod/data.json"/>
    <dcat:distribution rdf:resource="${b}/stod/data.csv"/>
  </dcat:Dataset>${dist("data.json", W.jsonTitle, "JSON", "application/json")}${dist("data.csv", W.csvTitle, "CSV", "text/csv")}
</rdf:RDF>
`;
}
