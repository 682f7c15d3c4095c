/**
 * Every diagnostic parcours can report, worded in each language: [message, hint].
 * Codes are stable: tests, documentation and trainers' notes refer to them.
 */
import type { Lang } from '../shared/sco-data.js'

const fr = {
  'course/no-course-file': ["Aucun fichier course.yml dans {dir}.", "créez course.yml à la racine du dossier de la formation (voir le README, « Écrire une formation »)."],
  'yaml/syntax': ["YAML mal formé à cet endroit (détail, en anglais : {reason}).", "vérifiez l'indentation (des espaces, jamais de tabulation) ; mettez entre guillemets droits une valeur qui contient « : » ou commence par * & ! [ ou {."],
  'yaml/colon-in-value': ["La valeur de « {key} » contient « : », que YAML lit comme le début d'une nouvelle clé.", "mettez toute la valeur entre guillemets droits : \"… : …\"."],
  'yaml/duplicate-key': ["La clé « {key} » apparaît deux fois.", "gardez une seule ligne « {key}: … »."],
  'config/unknown-key': ["Clé inconnue « {key} ».", "{suggestion}"],
  'config/missing-key': ["Clé obligatoire « {key} » absente.", "ajoutez une ligne « {key}: … ». Attendu : {expected}."],
  'config/invalid-value': ["Valeur invalide pour « {key} » : {value}.", "attendu : {expected}."],
  'course/module-not-found': ["Le module « {module} » listé dans course.yml est introuvable.", "vérifiez le nom du fichier dans la liste « modules: » (chemin relatif au dossier de la formation, casse comprise), ou créez le fichier. {suggestion}"],
  'course/module-listed-twice': ["Le module « {module} » est listé deux fois.", "retirez le doublon de la liste modules."],
  'course/no-modules': ["La formation ne contient aucun module.", "listez au moins un fichier Markdown sous « modules: »."],
  'module/no-front-matter': ["Le module n'a pas d'en-tête (front matter).", "commencez le fichier par un en-tête entre deux lignes « --- », avec au moins id, title, duration et objectives (voir le README, « Un module »)."],
  'module/unclosed-front-matter': ["L'en-tête du module (front matter) n'est pas fermé.", "terminez l'en-tête par une ligne « --- », avant le premier titre « ## »."],
  'module/front-matter-not-yaml': ["L'en-tête du module est déclaré en « {language} » : seul YAML est accepté, et cet en-tête n'a pas été lu.", "ouvrez l'en-tête par une ligne « --- » seule et écrivez-le en YAML (clé: valeur). parcours n'exécute jamais le texte d'une formation."],
  'module/duplicate-id': ["L'identifiant de module « {id} » est déjà utilisé par {other}.", "donnez à chaque module un id unique ; ne changez pas l'id d'un module déjà publié."],
  'module/empty': ["Le module ne contient aucune page.", "chaque titre « ## » commence une page : ajoutez au moins un « ## Titre »."],
  'module/content-before-page': ["Du contenu précède le premier titre « ## ».", "chaque page commence par un titre « ## » : ajoutez un titre avant ce texte."],
  'module/h1': ["Titre de niveau 1 (« # ») dans un module.", "le titre du module vient de « title » ; utilisez « ## » pour une page et « ### » pour une section."],
  'module/several-assessments': ["Le module a plusieurs pages d'évaluation ({pages}).", "gardez une seule page « .evaluation » par module."],
  'page/duplicate-id': ["L'identifiant de page « {id} » est déjà utilisé dans ce module (ligne {other}).", "donnez un {#id} explicite et unique à l'une des deux pages."],
  'page/invalid-id': ["Identifiant de page invalide « {id} ».", "terminez le titre par un identifiant en minuscules, chiffres et tirets (64 caractères au plus) : ## Titre {#ma-page}."],
  'page/unknown-class': ["Classe de titre inconnue « .{class} ».", "la seule classe reconnue est « .evaluation » (page d'évaluation notée). {suggestion}"],
  'page/empty': ["La page « {id} » est vide.", "ajoutez du contenu sous le titre, ou supprimez-le."],
  'block/unknown': ["Bloc « ::: {name} » inconnu.", "blocs possibles : a-retenir, attention, exemple (encadrés) ; qcu, qcm, vrai-faux, association (questions). {suggestion}"],
  'block/unclosed': ["Le bloc « ::: {name} » n'est pas fermé.", "terminez le bloc par une ligne « ::: »."],
  'question/missing-id': ["La question n'a pas d'identifiant.", "écrivez « ::: {type} mon-identifiant » : l'identifiant garde les réponses des apprenants quand vous modifiez la formation."],
  'question/invalid-id': ["Identifiant de question invalide « {id} ».", "utilisez des minuscules, chiffres et tirets (au plus 64 caractères) ; Moodle refuse espaces et accents."],
  'question/duplicate-id': ["L'identifiant de question « {id} » est déjà utilisé ({other}).", "chaque question a un identifiant unique dans toute la formation."],
  'question/invalid-option': ["Option de question invalide « {option} ».", "options possibles : points=N (N entier de 1 à 100)."],
  'question/no-choices': ["La question « {id} » n'a pas de liste de réponses.", "ajoutez une liste « - [x] bonne réponse » / « - [ ] mauvaise réponse » après l'énoncé."],
  'question/no-correct-answer': ["La question « {id} » n'a aucune bonne réponse.", "cochez la ou les bonnes réponses avec « - [x] »."],
  'question/several-correct-answers': ["La question « {id} » ({type}) a {count} bonnes réponses.", "une question {type} a exactement une bonne réponse ; utilisez « qcm » pour plusieurs."],
  'question/choice-without-box': ["Réponse sans case à cocher dans la question « {id} ».", "commencez chaque réponse par « [ ] » ou « [x] »."],
  'question/too-many-choices': ["La question « {id} » a {count} réponses.", "36 réponses au plus (SCORM 1.2 n'identifie une réponse que par un caractère) ; 10 est déjà beaucoup."],
  'question/true-false-choices': ["La question vrai-faux « {id} » doit proposer exactement « Vrai » et « Faux ».", "écrivez « - [x] Vrai » et « - [ ] Faux » (ou l'inverse)."],
  'question/bad-pair': ["Paire mal formée dans la question « {id} ».", "écrivez chaque paire « - élément -> correspondance »."],
  'question/too-few-pairs': ["La question d'association « {id} » a moins de deux paires.", "proposez au moins deux paires « élément -> correspondance »."],
  'question/duplicate-choice': ["Réponse en double « {text} » dans la question « {id} ».", "chaque réponse (ou chaque élément d'une association) doit être différente."],
  'question/no-stem': ["La question « {id} » n'a pas d'énoncé.", "écrivez la question avant la liste des réponses."],
  'question/missing-feedback': ["La question « {id} » n'a pas de retour « {kind} ».", "ajoutez un paragraphe « {kind} : … » qui explique la réponse."],
  'question/nested': ["Bloc imbriqué dans la question « {id} ».", "une question ne peut pas contenir d'autre bloc « ::: » (sa ligne « ::: » de fin fermerait aussi la question) : placez ce bloc avant ou après la question."],
  'question/not-top-level': ["Question placée dans une liste, une citation ou un encadré.", "placez le bloc « ::: » de la question au premier niveau de la page, sans retrait ni « > »."],
  'image/missing-alt': ["Image « {src} » sans texte alternatif.", "décrivez l'image entre les crochets : ![ce que montre l'image]({src}) (RGAA 1.1)."],
  'image/not-found': ["Image introuvable « {src} ».", "le chemin est relatif au fichier du module ; vérifiez le nom et la casse. {suggestion}"],
  'image/remote': ["Image distante « {src} ».", "un paquet ne charge rien hors de lui-même : enregistrez l'image dans le dossier du module et utilisez un chemin relatif."],
  'table/empty-header': ["Cellule d'en-tête vide dans un tableau.", "donnez un titre à chaque colonne (par exemple « Critère ») : un lecteur d'écran lit ce titre avant chaque cellule (RGAA 5.7)."],
  'theme/invalid-color': ["Couleur invalide pour « {name} » : {value}.", "utilisez une couleur CSS : #00508f, rgb(0 80 143)…"],
  'theme/logo-not-found': ["Logo introuvable « {src} ».", "placez le fichier dans le dossier de la formation et indiquez son chemin relatif."],
  'state/too-large': ["L'état d'un apprenant peut atteindre {size} caractères dans « {sco} », au-delà de la limite de {limit} de {version}.", "réduisez le nombre de questions ou de pages de ce module, passez en « sco: module » (un SCO par module) ou en SCORM 2004."],
  'state/key-collision': ["Les identifiants « {a} » et « {b} » ont la même clé d'état ({key}).", "renommez l'un des deux (un seul caractère suffit)."],
  'template/error': ["Erreur dans le gabarit : {reason}.", "corrigez le gabarit {file} (syntaxe Handlebars)."],
  'template/unknown': ["Gabarit inconnu « {file} » dans templates/.", "seuls ces gabarits peuvent être remplacés : {known}."],
} as const satisfies Record<string, readonly [string, string]>

export type DiagnosticCode = keyof typeof fr

const en: Record<DiagnosticCode, readonly [string, string]> = {
  'course/no-course-file': ['No course.yml in {dir}.', 'create course.yml at the root of the course folder (see README, "Écrire une formation").'],
  'yaml/syntax': ['Malformed YAML here ({reason}).', 'check the indentation (spaces, never tabs); put in double quotes a value that contains ":" or starts with * & ! [ or {.'],
  'yaml/colon-in-value': ['The value of "{key}" contains ":", which YAML reads as the start of a new key.', 'put the whole value in double quotes: "… : …".'],
  'yaml/duplicate-key': ['Key "{key}" appears twice.', 'keep a single "{key}: …" line.'],
  'config/unknown-key': ['Unknown key "{key}".', '{suggestion}'],
  'config/missing-key': ['Required key "{key}" is missing.', 'add a "{key}: …" line. Expected: {expected}.'],
  'config/invalid-value': ['Invalid value for "{key}": {value}.', 'expected: {expected}.'],
  'course/module-not-found': ['Module "{module}" listed in course.yml was not found.', 'check the file name in the "modules:" list (relative to the course folder, case included), or create the file. {suggestion}'],
  'course/module-listed-twice': ['Module "{module}" is listed twice.', 'remove the duplicate from the modules list.'],
  'course/no-modules': ['The course has no modules.', 'list at least one Markdown file under "modules:".'],
  'module/no-front-matter': ['The module has no front matter.', 'start the file with a header between two "---" lines, with at least id, title, duration and objectives (see README, "Un module").'],
  'module/unclosed-front-matter': ['The module\'s front matter is not closed.', 'end the front matter with a "---" line, before the first "##" heading.'],
  'module/front-matter-not-yaml': ['The module\'s front matter is declared as "{language}": only YAML is accepted, and this front matter was not read.', 'open the front matter with a "---" line on its own and write it in YAML (key: value). parcours never runs a course\'s text.'],
  'module/duplicate-id': ['Module id "{id}" is already used by {other}.', 'give every module a unique id; never change the id of a published module.'],
  'module/empty': ['The module has no pages.', 'every "##" heading starts a page: add at least one "## Title".'],
  'module/content-before-page': ['Content comes before the first "##" heading.', 'every page starts with a "##" heading: add one before this text.'],
  'module/h1': ['Level-1 heading ("#") in a module.', 'the module title comes from "title"; use "##" for a page and "###" for a section.'],
  'module/several-assessments': ['The module has several assessment pages ({pages}).', 'keep a single ".evaluation" page per module.'],
  'page/duplicate-id': ['Page id "{id}" is already used in this module (line {other}).', 'give one of the two pages an explicit, unique {#id}.'],
  'page/invalid-id': ['Invalid page id "{id}".', 'end the heading with an id of lowercase letters, digits and hyphens (at most 64 characters): ## Title {#my-page}.'],
  'page/unknown-class': ['Unknown heading class ".{class}".', 'the only class is ".evaluation" (scored assessment page). {suggestion}'],
  'page/empty': ['Page "{id}" is empty.', 'add content under the heading, or remove it.'],
  'block/unknown': ['Unknown block "::: {name}".', 'available blocks: key-point, warning, example (callouts); single, multiple, true-false, matching (questions). {suggestion}'],
  'block/unclosed': ['Block "::: {name}" is not closed.', 'end the block with a ":::" line.'],
  'question/missing-id': ['The question has no id.', 'write "::: {type} my-id": the id keeps learners\' answers when you edit the course.'],
  'question/invalid-id': ['Invalid question id "{id}".', 'use lowercase letters, digits and hyphens (at most 64 characters); Moodle refuses spaces and accents.'],
  'question/duplicate-id': ['Question id "{id}" is already used ({other}).', 'every question id is unique in the whole course.'],
  'question/invalid-option': ['Invalid question option "{option}".', 'available options: points=N (N a whole number from 1 to 100).'],
  'question/no-choices': ['Question "{id}" has no list of answers.', 'add a list "- [x] right answer" / "- [ ] wrong answer" after the question text.'],
  'question/no-correct-answer': ['Question "{id}" has no right answer.', 'tick the right answer(s) with "- [x]".'],
  'question/several-correct-answers': ['Question "{id}" ({type}) has {count} right answers.', 'a {type} question has exactly one right answer; use "qcm" for several.'],
  'question/choice-without-box': ['An answer of question "{id}" has no checkbox.', 'start every answer with "[ ]" or "[x]".'],
  'question/too-many-choices': ['Question "{id}" has {count} answers.', 'at most 36 (SCORM 1.2 names an answer with one character); 10 is already a lot.'],
  'question/true-false-choices': ['True/false question "{id}" must offer exactly "Vrai" and "Faux".', 'write "- [x] Vrai" and "- [ ] Faux" (or the reverse; "True"/"False" work too).'],
  'question/bad-pair': ['Malformed pair in question "{id}".', 'write every pair as "- item -> match".'],
  'question/too-few-pairs': ['Matching question "{id}" has fewer than two pairs.', 'give at least two "item -> match" pairs.'],
  'question/duplicate-choice': ['Duplicate answer "{text}" in question "{id}".', 'every answer (or every item of a matching question) must be different.'],
  'question/no-stem': ['Question "{id}" has no question text.', 'write the question before the list of answers.'],
  'question/missing-feedback': ['Question "{id}" has no "{kind}" feedback.', 'add a paragraph "{kind} : …" that explains the answer.'],
  'question/nested': ['Nested block in question "{id}".', 'a question cannot contain another ":::" block (its closing ":::" would close the question too): put that block before or after the question.'],
  'question/not-top-level': ['Question inside a list, quote or callout.', 'put the question\'s ":::" block at the top level of the page, without indentation or ">".'],
  'image/missing-alt': ['Image "{src}" has no alternative text.', 'describe the image between the brackets: ![what the image shows]({src}) (WCAG 1.1.1).'],
  'image/not-found': ['Image not found: "{src}".', 'the path is relative to the module file; check the name and case. {suggestion}'],
  'image/remote': ['Remote image "{src}".', 'a package loads nothing from outside itself: save the image in the module folder and use a relative path.'],
  'table/empty-header': ['Empty header cell in a table.', 'give every column a heading (for example "Criterion"): screen readers read it before each cell (WCAG 1.3.1).'],
  'theme/invalid-color': ['Invalid colour for "{name}": {value}.', 'use a CSS colour: #00508f, rgb(0 80 143)…'],
  'theme/logo-not-found': ['Logo not found: "{src}".', 'put the file in the course folder and give its relative path.'],
  'state/too-large': ['A learner\'s state can reach {size} characters in "{sco}", over the {limit} limit of {version}.', 'reduce the number of questions or pages of this module, switch to "sco: module" (one SCO per module) or to SCORM 2004.'],
  'state/key-collision': ['Ids "{a}" and "{b}" share the state key {key}.', 'rename one of them (one character is enough).'],
  'template/error': ['Template error: {reason}.', 'fix template {file} (Handlebars syntax).'],
  'template/unknown': ['Unknown template "{file}" in templates/.', 'only these templates can be overridden: {known}.'],
}

export interface DiagnosticTexts {
  error: string
  warning: string
  hint: string
  didYouMean: string
  allowed: string
  /** Words used inside "expected" values: %text%, %list%. */
  words: Record<'text' | 'list', string>
  codes: Record<DiagnosticCode, readonly [string, string]>
}

export const DIAGNOSTIC_TEXTS: Record<Lang, DiagnosticTexts> = {
  fr: { error: 'erreur', warning: 'avertissement', hint: 'conseil :', didYouMean: 'vouliez-vous dire « {word} » ?', allowed: 'clés possibles : {list}.', words: { text: 'un texte', list: 'une liste « - … »' }, codes: fr },
  en: { error: 'error', warning: 'warning', hint: 'hint:', didYouMean: 'did you mean "{word}"?', allowed: 'allowed keys: {list}.', words: { text: 'some text', list: 'a list "- …"' }, codes: en },
}
