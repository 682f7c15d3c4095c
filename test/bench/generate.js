/**
 * Deterministic generator of large parcours courses for the benchmark.
 *
 * Same options, same bytes: a seeded PRNG (mulberry32) picks from fixed banks of French text, so
 * two runs of the benchmark compile exactly the same course, and `fingerprint` lets the report
 * prove it. No dependency, no network, no clock.
 *
 * A module is written the way the README tells authors to write one: front matter, `##` pages
 * with explicit `{#id}`, a few paragraphs per page, `###` sub-headings, GFM tables, callouts
 * (`a-retenir`, `attention`, `exemple`), definition lists, lists, links, and questions of the four
 * types (qcu, qcm, vrai-faux, association): knowledge checks spread over the content pages, the
 * rest on the module's last page `## Évaluation {#evaluation .evaluation}`.
 * Every tenth module is a folder (`index.md` + an image) so that media copying is exercised too.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

/** mulberry32: tiny, fast, good enough to pick words; the same sequence on every platform. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPICS = [
  ["le projet numérique d'établissement", 'projet numérique'],
  ["l'environnement numérique de travail", 'ENT'],
  ['la protection des données des élèves', 'protection des données'],
  ["l'accessibilité des ressources pédagogiques", 'accessibilité'],
  ["l'évaluation par compétences", 'évaluation'],
  ['la continuité pédagogique', 'continuité pédagogique'],
  ["l'éducation aux médias et à l'information", 'EMI'],
  ['le travail collaboratif entre enseignants', 'collaboration'],
  ['la sobriété numérique', 'sobriété numérique'],
  ["l'usage des tablettes en classe", 'tablettes'],
  ["la cybersécurité de l'établissement", 'cybersécurité'],
  ['la relation avec les familles', 'relation aux familles'],
  ["l'inclusion des élèves à besoins particuliers", 'inclusion'],
  ['la formation continue des personnels', 'formation continue'],
  ['le pilotage par les indicateurs', 'indicateurs'],
  ['les ressources numériques du GAR', 'GAR'],
  ["l'intelligence artificielle en classe", 'intelligence artificielle'],
  ['la gestion des identités numériques', 'identités numériques'],
  ['le numérique au service des apprentissages fondamentaux', 'apprentissages fondamentaux'],
  ['la communication de crise', 'communication de crise'],
]

const ACTORS = [
  "le chef d'établissement",
  "l'IEN de circonscription",
  'le référent numérique',
  'le conseiller DANE',
  'la collectivité de rattachement',
  'le délégué à la protection des données',
  "l'équipe pédagogique",
  'le conseil pédagogique',
  'le professeur documentaliste',
  "le conseil d'administration",
  "l'équipe de direction",
  "le directeur d'école",
  'le coordonnateur de réseau',
  'le CPE',
]

const VERBS = [
  'doit vérifier',
  "peut s'appuyer sur",
  'veille à documenter',
  'organise',
  'présente chaque année',
  'arbitre',
  'met à jour',
  'accompagne',
  'relit attentivement',
  'fait valider',
  'partage avec les équipes',
  'inscrit au registre',
  'planifie',
  'évalue régulièrement',
]

const OBJECTS = [
  'la liste des services utilisés en classe',
  'le plan de formation',
  "les conditions générales d'utilisation",
  'les indicateurs de fréquentation',
  "la charte d'usage du numérique",
  'le calendrier de déploiement',
  'les habilitations des personnels',
  'la fiche de traitement',
  "le bilan de l'année écoulée",
  'les besoins exprimés par les enseignants',
  "la convention avec l'éditeur",
  'les retours des familles',
  'le protocole de sauvegarde',
  'la procédure de signalement',
]

const OPENERS = [
  'Dans la pratique,',
  'Au quotidien,',
  'Concrètement,',
  'Dès la rentrée,',
  'En pratique,',
  'Sur le terrain,',
  'Avant toute décision,',
  'Pour gagner du temps,',
  "À l'échelle de l'établissement,",
  'Dans le premier degré,',
  'Dans le second degré,',
  "Lorsque la situation l'exige,",
]

const CLOSERS = [
  "afin que chacun sache à qui s'adresser.",
  "pour éviter les décisions prises dans l'urgence.",
  'ce qui facilite le dialogue avec la collectivité.',
  'et en garde une trace écrite.',
  "sans attendre la fin de l'année scolaire.",
  'en lien avec les orientations académiques.',
  'ce qui rassure les familles comme les personnels.',
  'pour que les élèves en tirent un bénéfice réel.',
  "en s'appuyant sur les ressources disponibles sur éduscol.",
  "et en rend compte au conseil d'administration.",
]

const FREE = [
  "Le cadre réglementaire n'est pas une fin en soi : il protège les élèves, les familles et les personnels.",
  "Une décision bien documentée se défend plus facilement qu'une décision prise oralement.",
  "Les équipes adoptent plus volontiers un outil lorsqu'elles ont été associées à son choix.",
  "La question à poser n'est pas « est-ce possible ? » mais « est-ce utile, et à quelles conditions ? ».",
  "Un usage pédagogique réussi repose autant sur l'organisation que sur la technique.",
  'Les familles attendent une information claire, courte et régulière.',
  "Un indicateur n'a de sens que s'il est comparé à un objectif fixé à l'avance.",
  "Mieux vaut un petit nombre de services bien maîtrisés qu'une multitude d'outils mal connus.",
  "La sécurité repose d'abord sur des gestes simples : mots de passe robustes, mises à jour, sauvegardes.",
  'Chaque acteur doit pouvoir dire, en une phrase, ce qui relève de sa responsabilité.',
  "L'expérience des établissements voisins est une ressource précieuse et souvent sous-utilisée.",
  "Les élèves eux-mêmes peuvent être associés à l'élaboration des règles d'usage.",
]

const TERMS = [
  ['Responsable de traitement', "autorité qui détermine les finalités et les moyens d'un traitement de données."],
  ['Service socle', "service d'identité ou d'accès sur lequel s'appuient les autres services numériques."],
  ['Interopérabilité', 'capacité de deux systèmes à échanger des données sans ressaisie.'],
  ['Registre', 'inventaire des traitements de données personnels tenu par le responsable de traitement.'],
  ['Authentification unique', "mécanisme qui permet de ne saisir ses identifiants qu'une seule fois."],
  ['Minimisation', 'principe qui limite les données collectées au strict nécessaire.'],
  ['Plan de continuité', "ensemble des mesures qui maintiennent l'activité pendant une crise."],
  ['Usage raisonné', 'usage du numérique justifié par un objectif pédagogique explicite.'],
]

const LINKS = [
  ['éduscol', 'https://eduscol.education.fr/'],
  ['la CNIL', 'https://www.cnil.fr/'],
  ['le site de la DANE', 'https://dane.example.ac-academie.fr/'],
  ['le portail Pix', 'https://pix.fr/'],
]

const VIGILANCE = [
  'informer les familles avant la mise en service',
  "vérifier l'inscription au registre",
  'prévoir un temps de formation',
  'garder une trace de la décision',
  'associer le conseil pédagogique',
  "tester avec un petit groupe d'abord",
  "vérifier l'accessibilité",
  'limiter les données collectées',
]

const MONTHS = ['septembre', 'octobre', 'novembre', 'décembre', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin']

/** A valid 16×16 PNG (a flat colour), built here, so that the media path of the compiler is exercised. */
const PNG = (() => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const size = 16
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [0x1d, 0x4e, 0x89]).flat())])
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
})()

const TYPES = ['qcu', 'qcm', 'vrai-faux', 'association']

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)]
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function sentence(rand, topic) {
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `${pick(rand, OPENERS)} ${pick(rand, ACTORS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}, ${pick(rand, CLOSERS)}`
    case 1:
      return `Pour ${topic[0]}, ${pick(rand, ACTORS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, CLOSERS)}`
    case 2:
      return `${capitalize(pick(rand, ACTORS))} ${pick(rand, VERBS)} **${pick(rand, OBJECTS)}** ${pick(rand, CLOSERS)}`
    default:
      return pick(rand, FREE)
  }
}

function paragraph(rand, topic) {
  const n = 3 + Math.floor(rand() * 4)
  const parts = []
  for (let i = 0; i < n; i++) parts.push(sentence(rand, topic))
  if (rand() < 0.25) {
    const [label, href] = pick(rand, LINKS)
    parts.push(`Les ressources de référence sont disponibles sur [${label}](${href}).`)
  }
  return parts.join(' ')
}

function table(rand, topic) {
  const rows = 3 + Math.floor(rand() * 4)
  const lines = [`| Étape | Qui | Quand | Point de vigilance |`, `|---|---|---|---|`]
  for (let i = 0; i < rows; i++) {
    lines.push(`| ${capitalize(pick(rand, OBJECTS))} | ${pick(rand, ACTORS)} | ${pick(rand, MONTHS)} | ${pick(rand, VIGILANCE)} |`)
  }
  return lines.join('\n')
}

function callout(rand, topic) {
  const kind = pick(rand, ['a-retenir', 'attention', 'exemple'])
  const title = kind === 'exemple' ? ` Un ${pick(rand, ['collège', 'lycée', 'groupe scolaire', "réseau d'écoles"])} : ${topic[1]}` : ''
  return `::: ${kind}${title}\n${sentence(rand, topic)} ${sentence(rand, topic)}\n:::`
}

function deflist(rand) {
  const start = Math.floor(rand() * TERMS.length)
  const out = []
  for (let i = 0; i < 2 + Math.floor(rand() * 2); i++) {
    const [term, def] = TERMS[(start + i) % TERMS.length]
    out.push(`${term}\n: ${def}`)
  }
  return out.join('\n\n')
}

function bullets(rand, topic) {
  const n = 3 + Math.floor(rand() * 3)
  const out = []
  for (let i = 0; i < n; i++) out.push(`- ${capitalize(pick(rand, OBJECTS))} : ${pick(rand, ACTORS)} ${pick(rand, VERBS)} ce point (${topic[1]}) ;`)
  return out.join('\n')
}

/**
 * One question of `type`. Sizes are those of real questions: qcu 3–4 choices, qcm 4–6 choices
 * with 1–3 right ones, vrai-faux 2, association 3–5 pairs.
 */
function question(rand, type, id, topic, points) {
  const head = `::: ${type} ${id}${points > 1 ? ` points=${points}` : ''}`
  const feedback = [`Correct : ${sentence(rand, topic)}`, '', `Incorrect : relisez les pages du module sur ce thème (${topic[1]}). ${pick(rand, FREE)}`]
  let stem
  let items
  if (type === 'association') {
    stem = `Associez chaque acteur à ce qu'il fait pour ${topic[0]}.`
    const n = 3 + Math.floor(rand() * 3)
    const start = Math.floor(rand() * ACTORS.length)
    items = []
    for (let i = 0; i < n; i++)
      items.push(`- ${capitalize(ACTORS[(start + i) % ACTORS.length])} -> ${capitalize(VERBS[(start + 3 * i) % VERBS.length])} ${OBJECTS[(start + 5 * i) % OBJECTS.length]}`)
  } else if (type === 'vrai-faux') {
    stem = `${capitalize(pick(rand, ACTORS))} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} pour le thème « ${topic[1]} ».`
    const right = rand() < 0.5
    items = [`- [${right ? 'x' : ' '}] Vrai`, `- [${right ? ' ' : 'x'}] Faux`]
  } else {
    const multiple = type === 'qcm'
    stem = multiple ? `Pour ${topic[0]}, que fait ${pick(rand, ACTORS)} ?` : `Pour ${topic[0]}, qui ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ?`
    const n = multiple ? 4 + Math.floor(rand() * 3) : 3 + Math.floor(rand() * 2)
    const right = new Set()
    const nRight = multiple ? 1 + Math.floor(rand() * 3) : 1
    while (right.size < nRight) right.add(Math.floor(rand() * n))
    const start = Math.floor(rand() * 100)
    items = []
    for (let i = 0; i < n; i++) {
      const text = multiple ? `${capitalize(VERBS[(start + i) % VERBS.length])} ${OBJECTS[(start + 2 * i) % OBJECTS.length]}` : capitalize(ACTORS[(start + i) % ACTORS.length])
      items.push(`- [${right.has(i) ? 'x' : ' '}] ${text}`)
    }
  }
  return [head, stem, '', ...items, '', ...feedback, ':::'].join('\n')
}

/**
 * Where the `questions` of a module go: about a third are knowledge checks, one every few content
 * pages; the rest are on the evaluation page (the last page). Returns the count per page.
 */
function questionLayout(pages, questions) {
  const counts = new Array(pages).fill(0)
  const contentPages = pages - 1
  const checks = Math.min(contentPages, Math.floor(questions / 3))
  for (let i = 0; i < checks; i++) counts[Math.min(contentPages - 1, Math.floor(((i + 0.5) * contentPages) / checks))] += 1
  counts[pages - 1] = questions - checks
  return counts
}

export function moduleId(i) {
  return `m${String(i + 1).padStart(3, '0')}`
}

function moduleMarkdown(rand, index, { pages, questions }, withImage) {
  const id = moduleId(index)
  const topic = TOPICS[index % TOPICS.length]
  const counts = questionLayout(pages, questions)
  const out = [
    '---',
    `id: ${id}`,
    `title: "Module ${index + 1} : ${topic[1]}, repères et pratiques"`,
    'duration: 30',
    'objectives:',
    `  - Situer les enjeux du thème « ${topic[1]} » pour l'établissement`,
    `  - Identifier qui décide quoi pour ${topic[0]}`,
    `  - Mettre en place un suivi simple et partagé`,
    '---',
    '',
  ]
  let q = 0
  for (let p = 0; p < pages; p++) {
    const last = p === pages - 1
    if (last) {
      out.push(
        '## Évaluation {#evaluation .evaluation}',
        '',
        `Cette évaluation porte sur ${topic[0]}. Répondez à chaque question ; les retours s'affichent après votre réponse.`,
        '',
      )
    } else {
      out.push(`## ${capitalize(pick(rand, OBJECTS))} : ${topic[1]} {#p${String(p + 1).padStart(2, '0')}}`, '')
      out.push(paragraph(rand, topic), '')
      if (p === 0 && withImage) out.push(`![Schéma des acteurs du thème « ${topic[1]} »](schema.png)`, '')
      out.push(paragraph(rand, topic), '')
      const extra = Math.floor(rand() * 5)
      if (extra === 0) out.push(table(rand, topic), '')
      else if (extra === 1) out.push(callout(rand, topic), '')
      else if (extra === 2) out.push(deflist(rand), '')
      else if (extra === 3) out.push(`### ${capitalize(pick(rand, ['en pratique', 'points de vigilance', 'pour aller plus loin', 'à vérifier']))}`, '', bullets(rand, topic), '')
      else out.push(table(rand, topic), '', callout(rand, topic), '')
      if (rand() < 0.6) out.push(paragraph(rand, topic), '')
    }
    for (let k = 0; k < counts[p]; k++, q++) {
      const type = TYPES[(q + index) % TYPES.length]
      const points = last && rand() < 0.3 ? 2 : 1
      out.push(question(rand, type, `${id}-q${q + 1}`, topic, points), '')
    }
  }
  return out.join('\n')
}

/**
 * Writes a course folder into `dir` and returns its description.
 *
 * @param {string} dir
 * @param {{ modules: number, pages: number, questions: number, sco?: 'course' | 'module',
 *           attempts?: number, seed?: number, id?: string }} options
 */
export async function generateCourse(dir, options) {
  const { modules, pages, questions, sco = 'module', attempts = 3, seed = 2025, id = 'bench-parcours' } = options
  if (pages < 2) throw new Error('a module needs at least one content page and the evaluation page')
  const rand = prng(seed)
  const files = {}
  const entries = []
  for (let i = 0; i < modules; i++) {
    const withImage = i % 10 === 9
    const name = `${String(i + 1).padStart(3, '0')}-${TOPICS[i % TOPICS.length][1]
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .toLowerCase()
      .replace(/^-|-$/g, '')}`
    const markdown = moduleMarkdown(rand, i, { pages, questions }, withImage)
    if (withImage) {
      files[`${name}/index.md`] = markdown
      files[`${name}/schema.png`] = PNG
      entries.push(name)
    } else {
      files[`${name}.md`] = markdown
      entries.push(`${name}.md`)
    }
  }
  files['course.yml'] = [
    `id: ${id}`,
    `title: "Parcours de référence pour le banc d'essai (${modules} modules)"`,
    'language: fr',
    'version: 1.0.0',
    'description: "Formation générée pour mesurer parcours : texte réaliste, questions de tous les types."',
    'audience: "Chefs d\'établissement, IEN, équipes DANE/DRANE"',
    `duration: ${modules * 30}`,
    'modules:',
    ...entries.map((e) => `  - ${e}`),
    'passingScore: 80',
    'completion:',
    '  pages: all',
    '  minTime: 0',
    `attempts: ${attempts}`,
    `sco: ${sco}`,
    '',
  ].join('\n')

  const hash = createHash('sha256')
  let bytes = 0
  for (const path of Object.keys(files).sort()) {
    const body = typeof files[path] === 'string' ? Buffer.from(files[path], 'utf8') : files[path]
    hash.update(path).update('\0').update(body).update('\0')
    bytes += body.length
    await mkdir(join(dir, path, '..'), { recursive: true })
    await writeFile(join(dir, path), body)
  }
  return { dir, modules, pages, questions, sco, attempts, files: Object.keys(files).length, bytes, fingerprint: hash.digest('hex').slice(0, 16) }
}
