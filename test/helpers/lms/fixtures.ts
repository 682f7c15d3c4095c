// Tiny in-memory SCORM packages for LMS tests: one SCO page (sco.html, quiet unless given a
// script) and a manifest with the run-time data under test (mastery score, passing score,
// completion threshold, objectives).

import type { ScormVersion } from '../../../src/lms/types.js'

export interface MinimalPackageOptions {
  version: ScormVersion
  /** Script run by sco.html (plain JS). Default: none — the test drives the API itself. */
  script?: string
  /** 1.2 adlcp:masteryscore. */
  masteryScore?: string
  /** 2004 primaryObjective satisfiedByMeasure + minNormalizedMeasure. */
  scaledPassingScore?: string
  /** 2004 adlcp:completionThreshold@minProgressMeasure (4th edition). */
  completionThreshold?: string
  /** 2004 objective IDs (the first is the primary objective). */
  objectives?: string[]
  title?: string
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

function manifest12(o: MinimalPackageOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.minimal.12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(o.title ?? 'Minimal 1.2')}</title>
      <item identifier="item_1" identifierref="sco_1">
        <title>${esc(o.title ?? 'Minimal 1.2')}</title>
        ${o.masteryScore !== undefined ? `<adlcp:masteryscore>${esc(o.masteryScore)}</adlcp:masteryscore>` : ''}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco_1" type="webcontent" adlcp:scormtype="sco" href="sco.html"><file href="sco.html"/></resource>
  </resources>
</manifest>`
}

function manifest2004(o: MinimalPackageOptions): string {
  const ids = o.objectives ?? (o.scaledPassingScore !== undefined ? ['primary'] : [])
  const objectives = ids.length
    ? `<imsss:objectives>
          <imsss:primaryObjective objectiveID="${esc(ids[0]!)}"${o.scaledPassingScore !== undefined ? ' satisfiedByMeasure="true"' : ''}>
            ${o.scaledPassingScore !== undefined ? `<imsss:minNormalizedMeasure>${esc(o.scaledPassingScore)}</imsss:minNormalizedMeasure>` : ''}
          </imsss:primaryObjective>
          ${ids
            .slice(1)
            .map((id) => `<imsss:objective objectiveID="${esc(id)}"/>`)
            .join('\n')}
        </imsss:objectives>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.minimal.2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(o.title ?? 'Minimal 2004')}</title>
      <item identifier="item_1" identifierref="sco_1">
        <title>${esc(o.title ?? 'Minimal 2004')}</title>
        ${o.completionThreshold !== undefined ? `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="${esc(o.completionThreshold)}"/>` : ''}
        ${objectives ? `<imsss:sequencing>${objectives}</imsss:sequencing>` : ''}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco_1" type="webcontent" adlcp:scormType="sco" href="sco.html"><file href="sco.html"/></resource>
  </resources>
</manifest>`
}

export function minimalPackage(o: MinimalPackageOptions): Map<string, Buffer> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SCO</title></head>
<body><main><h1>Minimal SCO</h1></main>${o.script ? `<script>${o.script}</script>` : ''}</body></html>`
  return new Map([
    ['imsmanifest.xml', Buffer.from(o.version === 'scorm12' ? manifest12(o) : manifest2004(o))],
    ['sco.html', Buffer.from(html)],
  ])
}
