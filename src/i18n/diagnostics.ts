/**
 * Every diagnostic parcours can report, worded in each language: [message, hint].
 * Codes are stable: tests, documentation and trainers' notes refer to them.
 */
import type { Lang } from '../shared/sco-data.js'

const fr = {
  'course/no-course-file': ['Aucun fichier course.yml dans {dir}.', 'créez course.yml à la racine du dossier de la formation (voir le README, « Écrire une formation »).'],
  'read/unreadable-file': [
    'Fichier illisible ({reason}).',
    'vérifiez que le fichier existe et que vous avez le droit de le lire (EACCES : droits ; EMFILE : trop de fichiers ouverts sur la machine, réessayez).',
  ],
  'read/unreadable-folder': [
    'Dossier illisible ({reason}) : ses fichiers sont ignorés.',
    'vérifiez que vous avez le droit de lire ce dossier, ou sortez-le du dossier de la formation.',
  ],
  'read/too-many-files': [
    "Le dossier de la formation contient plus de {max} fichiers : ce n'est sans doute pas le bon dossier.",
    "donnez le dossier qui contient course.yml, et rangez ailleurs ce qui n'appartient pas à la formation.",
  ],
  'read/text-too-large': [
    'Fichier trop gros : {size} Mo, au-delà de la limite de {limit} Mo pour course.yml, un module ou un gabarit.',
    "découpez ce module en plusieurs modules ; un fichier texte de cette taille n'est sans doute pas un module.",
  ],
  'read/image-too-large': [
    'Image trop lourde : {size} Mo, au-delà de la limite de {limit} Mo.',
    "réduisez l'image (dimensions, compression) : elle est téléchargée par chaque apprenant, souvent sur téléphone.",
  ],
  'read/not-utf8': [
    "Le fichier n'est pas en UTF-8 (octet {byte} à cet endroit).",
    "enregistrez le fichier en UTF-8 (dans votre éditeur : « Enregistrer avec l'encodage » → UTF-8) ; c'est souvent un « é » enregistré en Latin-1 ou Windows-1252.",
  ],
  'yaml/syntax': [
    'YAML mal formé à cet endroit (détail, en anglais : {reason}).',
    "vérifiez l'indentation (des espaces, jamais de tabulation) ; mettez entre guillemets droits une valeur qui contient « : » ou commence par * & ! [ ou {.",
  ],
  'yaml/colon-in-value': ["La valeur de « {key} » contient « : », que YAML lit comme le début d'une nouvelle clé.", 'mettez toute la valeur entre guillemets droits : "… : …".'],
  'yaml/duplicate-key': ['La clé « {key} » apparaît deux fois.', 'gardez une seule ligne « {key}: … ».'],
  'config/unknown-key': ['Clé inconnue « {key} ».', '{suggestion}'],
  'config/missing-key': ['Clé obligatoire « {key} » absente.', 'ajoutez une ligne « {key}: … ». Attendu : {expected}.'],
  'config/invalid-value': ['Valeur invalide pour « {key} » : {value}.', 'attendu : {expected}. {suggestion}'],
  'course/module-not-found': [
    'Le module « {module} » listé dans course.yml est introuvable.',
    'vérifiez le nom du fichier dans la liste « modules: » (chemin relatif au dossier de la formation, casse comprise), ou créez le fichier. {suggestion}',
  ],
  'course/module-listed-twice': ['Le module « {module} » est listé deux fois.', 'retirez le doublon de la liste modules.'],
  'course/no-modules': ['La formation ne contient aucun module.', 'listez au moins un fichier Markdown sous « modules: ».'],
  'module/no-front-matter': [
    "Le module n'a pas d'en-tête (front matter).",
    'commencez le fichier par un en-tête entre deux lignes « --- », avec au moins id, title, duration et objectives (voir le README, « Un module »).',
  ],
  'module/unclosed-front-matter': ["L'en-tête du module (front matter) n'est pas fermé.", "terminez l'en-tête par une ligne « --- », avant le premier titre « ## »."],
  'module/front-matter-not-yaml': [
    "L'en-tête du module est déclaré en « {language} » : seul YAML est accepté, et cet en-tête n'a pas été lu.",
    "ouvrez l'en-tête par une ligne « --- » seule et écrivez-le en YAML (clé: valeur). parcours n'exécute jamais le texte d'une formation.",
  ],
  'module/duplicate-id': ["L'identifiant de module « {id} » est déjà utilisé par {other}.", "donnez à chaque module un id unique ; ne changez pas l'id d'un module déjà publié."],
  'module/unclosed-comment': ['Commentaire « <!-- » jamais fermé : tout le texte qui suit est publié tel quel, notes comprises.', 'fermez le commentaire par « --> ».'],
  'module/empty': ['Le module ne contient aucune page.', 'chaque titre « ## » commence une page : ajoutez au moins un « ## Titre ».'],
  'module/content-before-page': ['Du contenu précède le premier titre « ## ».', 'chaque page commence par un titre « ## » : ajoutez un titre avant ce texte.'],
  'module/h1': ['Titre de niveau 1 (« # ») dans un module.', 'le titre du module vient de « title » ; utilisez « ## » pour une page et « ### » pour une section.'],
  'module/several-assessments': ["Le module a plusieurs pages d'évaluation ({pages}).", 'gardez une seule page « .evaluation » par module.'],
  'page/duplicate-id': ["L'identifiant de page « {id} » est déjà utilisé dans ce module (ligne {other}).", "donnez un {#id} explicite et unique à l'une des deux pages."],
  'page/invalid-id': [
    'Identifiant de page invalide « {id} ».',
    'terminez le titre par un identifiant en minuscules, chiffres et tirets (64 caractères au plus) : ## Titre {#ma-page}. {suggestion}',
  ],
  'page/unknown-class': ['Classe de titre inconnue « .{class} ».', "la seule classe reconnue est « .evaluation » (page d'évaluation notée). {suggestion}"],
  'page/invalid-attribute': [
    'Attribut de titre non reconnu « {attribute} ».',
    "un titre n'accepte que {#identifiant} (sans espace) et .evaluation ; aucun autre attribut (onclick, style…) n'est publié.",
  ],
  'link/refused': [
    "Lien refusé « {url} » : ce type de lien n'est jamais publié (il pourrait exécuter du code).",
    'utilisez un lien https:// vers une page, ou une image enregistrée dans le dossier du module.',
  ],
  'page/empty': ['La page « {id} » est vide.', 'ajoutez du contenu sous le titre, ou supprimez-le.'],
  'block/unknown': ['Bloc « ::: {name} » inconnu.', 'blocs possibles : a-retenir, attention, exemple (encadrés) ; qcu, qcm, vrai-faux, association (questions). {suggestion}'],
  'block/unclosed': ["Le bloc « ::: {name} » n'est pas fermé.", 'terminez le bloc par une ligne « ::: ».'],
  'question/missing-id': [
    "La question n'a pas d'identifiant.",
    "écrivez « ::: {type} mon-identifiant » : l'identifiant garde les réponses des apprenants quand vous modifiez la formation.",
  ],
  'question/invalid-id': [
    'Identifiant de question invalide « {id} ».',
    'utilisez des minuscules, chiffres et tirets (au plus 64 caractères) ; Moodle refuse espaces, majuscules et accents. {suggestion}',
  ],
  'question/duplicate-id': ["L'identifiant de question « {id} » est déjà utilisé ({other}).", 'chaque question a un identifiant unique dans toute la formation.'],
  'question/invalid-option': ['Option de question invalide « {option} ».', 'options possibles : points=N (N entier de 1 à 100), sans espaces. {suggestion}'],
  'question/no-choices': ["La question « {id} » n'a pas de liste de réponses.", "ajoutez une liste « - [x] bonne réponse » / « - [ ] mauvaise réponse » après l'énoncé."],
  'question/no-correct-answer': ["La question « {id} » n'a aucune bonne réponse.", 'cochez la ou les bonnes réponses avec « - [x] ».'],
  'question/several-correct-answers': [
    'La question « {id} » ({type}) a {count} bonnes réponses.',
    'une question {type} a exactement une bonne réponse ; utilisez « qcm » pour plusieurs.',
  ],
  'question/choice-without-box': ['Réponse sans case à cocher dans la question « {id} ».', 'commencez chaque réponse par « [ ] » ou « [x] ».'],
  'question/too-many-choices': ['La question « {id} » a {count} réponses.', "36 réponses au plus (SCORM 1.2 n'identifie une réponse que par un caractère) ; 10 est déjà beaucoup."],
  'question/true-false-choices': ['La question vrai-faux « {id} » doit proposer exactement « Vrai » et « Faux ».', "écrivez « - [x] Vrai » et « - [ ] Faux » (ou l'inverse)."],
  'question/bad-pair': ['Paire mal formée dans la question « {id} ».', 'écrivez chaque paire « - élément -> correspondance ».'],
  'question/too-few-pairs': ["La question d'association « {id} » a moins de deux paires.", 'proposez au moins deux paires « élément -> correspondance ».'],
  'question/duplicate-choice': ['Réponse en double « {text} » dans la question « {id} ».', "chaque réponse (ou chaque élément d'une association) doit être différente."],
  'question/no-stem': ["La question « {id} » n'a pas d'énoncé.", 'écrivez la question avant la liste des réponses.'],
  'question/missing-feedback': ["La question « {id} » n'a pas de retour « {kind} ».", 'ajoutez un paragraphe « {kind} : … » qui explique la réponse.'],
  'question/nested': [
    'Bloc imbriqué dans la question « {id} ».',
    "une question ne peut pas contenir d'autre bloc « ::: » (sa ligne « ::: » de fin fermerait aussi la question) : placez ce bloc avant ou après la question.",
  ],
  'question/not-top-level': [
    'Question placée dans une liste, une citation ou un encadré.',
    'placez le bloc « ::: » de la question au premier niveau de la page, sans retrait ni « > ».',
  ],
  'image/missing-alt': ['Image « {src} » sans texte alternatif.', "décrivez l'image entre les crochets : ![ce que montre l'image]({src}) (RGAA 1.1)."],
  'image/not-found': ['Image introuvable « {src} ».', 'le chemin est relatif au fichier du module ; vérifiez le nom et la casse. {suggestion}'],
  'image/remote': ['Image distante « {src} ».', "un paquet ne charge rien hors de lui-même : enregistrez l'image dans le dossier du module et utilisez un chemin relatif."],
  'table/empty-header': [
    "Cellule d'en-tête vide dans un tableau.",
    "donnez un titre à chaque colonne (par exemple « Critère ») : un lecteur d'écran lit ce titre avant chaque cellule (RGAA 5.7).",
  ],
  'theme/invalid-color': ['Couleur invalide pour « {name} » : {value}.', 'utilisez une couleur CSS : #00508f, rgb(0 80 143)…'],
  'theme/logo-not-image': [
    "Le logo « {src} » n'est pas une image.",
    'indiquez un fichier .png, .jpg, .svg, .webp ou .gif : le fichier est copié tel quel dans le paquet, que tout apprenant peut ouvrir.',
  ],
  'image/svg-script': [
    'Image SVG refusée : elle contient {found}, qui pourrait exécuter du code dans Moodle.',
    "exportez l'image sans script ni interactivité (dans Inkscape : « SVG simple »), ou en PNG.",
  ],
  'theme/logo-not-found': ['Logo introuvable « {src} ».', 'placez le fichier dans le dossier de la formation et indiquez son chemin relatif.'],
  'state/too-large': [
    "L'état d'un apprenant peut atteindre {size} caractères dans « {sco} », au-delà de la limite de {limit} de {version}.",
    'réduisez le nombre de questions ou de pages de ce module, passez en « sco: module » (un SCO par module) ou en SCORM 2004.',
  ],
  'state/key-collision': ["Les identifiants « {a} » et « {b} » ont la même clé d'état ({key}).", "renommez l'un des deux (un seul caractère suffit)."],
  'text/control-character': [
    'Caractère de contrôle invisible {char} dans le texte.',
    "supprimez-le (il vient souvent d'un copier-coller) : il rendrait le manifeste du paquet illisible par Moodle.",
  ],
  'text/bidi-control': [
    "Caractère de contrôle du sens d'écriture {char} : le texte affiché peut différer de ce que vous lisez dans l'éditeur.",
    "supprimez-le, sauf si vous écrivez volontairement de l'arabe ou de l'hébreu.",
  ],
  'text/invisible-character': [
    "Caractère invisible {char} (espace sans largeur, trait d'union conditionnel…).",
    "supprimez-le s'il vient d'un copier-coller : il peut couper une recherche ou une réponse attendue.",
  ],
  'output/is-course-folder': [
    'Le dossier de sortie « {out} » est le dossier de la formation lui-même.',
    'écrivez les paquets ailleurs, par exemple --out dist (le défaut) ou un sous-dossier comme --out {out}/dist.',
  ],
  'template/error': ['Erreur dans le gabarit : {reason}.', 'corrigez le gabarit {file} (syntaxe Handlebars).'],
  'template/invalid-xml': [
    "Le manifeste produit par ce gabarit n'est pas du XML bien formé (ligne {line}, colonne {column} du manifeste produit ; détail, en anglais : {reason}).",
    "corrigez le gabarit {file} : balises fermées, « & » écrit « &amp; », pas d'entité HTML comme « &nbsp; ». Moodle refuserait ce paquet.",
  ],
  'template/unknown': ['Gabarit inconnu « {file} » dans templates/.', 'seuls ces gabarits peuvent être remplacés : {known}.'],
  'template/log': ['{{log}} écrit dans le terminal à chaque rendu de ce gabarit.', 'retirez-le de {file} une fois le gabarit au point.'],
  'template/prototype-property': [
    '« {name} » est une propriété héritée que Handlebars refuse de lire : le gabarit affichera une valeur vide.',
    "utilisez dans {file} un champ fourni au gabarit (voir les gabarits d'origine de parcours).",
  ],
  'template/removed-field': [
    "« {name} » n'est plus fourni aux gabarits : les bonnes réponses et le retour « Correct » sont scellés dans les données du SCO, et le moteur les affiche après la validation.",
    `retirez « {name} » de {file} et gardez l'élément <div class="pc-feedback-correct" hidden></div>, que le moteur remplit.`,
  ],
  'template/missing-hook': [
    'Le gabarit de question {file} ne contient plus « {hook} », dont le moteur a besoin pour afficher le verdict et les retours.',
    "repartez du gabarit d'origine (templates/partials/question.hbs de parcours) et gardez ses classes pc-… et l'attribut data-question.",
  ],
  'template/missing-runtime-hook': [
    "Le gabarit {file} ne contient plus « {hook} » : sans lui, le moteur de parcours ne démarre pas, et ni la progression ni le score n'arrivent dans Moodle.",
    "repartez du gabarit d'origine ({builtin} de parcours) et gardez {hooks}.",
  ],
  'template/missing-fallback': [
    "Le gabarit {file} n'appelle pas {{> fallback}} : si parcours.js ne se charge pas (connexion coupée, fichier bloqué), les pages après la première restent vides.",
    "ajoutez {{> fallback}} juste avant </body>, comme dans le gabarit d'origine (templates/layouts/sco.html.hbs de parcours).",
  ],
  // parcours check (issue 9): structure
  'heading/skipped-level': [
    'Niveau de titre sauté : « {found} » après « {previous} ».',
    "descendez d'un niveau à la fois (« {expected} » ici) : les lecteurs d'écran naviguent par niveaux de titres (RGAA 9.1).",
  ],
  'heading/empty': ['Titre vide.', 'écrivez le texte du titre avant ses attributs : « ## Questions fréquentes {#faq} ».'],
  'markup/raw-image': [
    'Image non reconnue : « {text} » serait affiché tel quel aux apprenants.',
    "un chemin qui contient des espaces s'écrit entre chevrons : ![texte alternatif](<{src}>), ou renommez le fichier sans espaces.",
  ],
  'markup/unknown-attributes': [
    'Attributs « {{attributes}} » non reconnus : le texte serait affiché tel quel aux apprenants.',
    'après un [passage], seul {lang=code} est accepté (par exemple [Digital Services Act]{lang=en}).',
  ],
  'lang/invalid': ['Code de langue inconnu « {lang} ».', 'utilisez un code BCP 47 : en, de, es, it, br, oc… {suggestion}'],
  'link/broken': [
    'Lien interne cassé « {href} ».',
    "un lien vers une page s'écrit [texte](#id-de-page) (même module) ou [texte](fichier-du-module.md#id-de-page) ; vérifiez l'identifiant. {suggestion}",
  ],
  'asset/unused': ["Fichier « {file} » inutilisé : aucune page ne l'affiche.", 'supprimez-le du dossier de la formation, ou affichez-le dans une page.'],
  'course/unlisted-module': [
    "Le fichier « {file} » n'est pas listé dans course.yml : il ne sera pas dans le paquet.",
    'ajoutez-le à la liste « modules: » de course.yml, ou sortez-le du dossier de la formation.',
  ],
  // parcours check: assessment
  'assessment/nothing-graded': [
    "Un seuil de réussite ({passing}) est fixé, mais {scope} n'a aucune question notée : rien ne sera noté.",
    "ajoutez une page d'évaluation « ## Évaluation {#evaluation .evaluation} » avec des questions, ou retirez « passingScore ».",
  ],
  'assessment/empty': ["La page d'évaluation « {id} » ne contient aucune question.", 'ajoutez des questions « ::: qcu … » à cette page, ou retirez la classe « .evaluation ».'],
  'assessment/pass-mark-ignored': [
    "Le seuil « passingScore » du module n'a pas d'effet avec « sco: course ».",
    'avec un seul SCO, seul le seuil de course.yml compte : retirez celui du module, ou passez en « sco: module ».',
  ],
  // parcours check: accessibility
  'theme/unknown-color': ['Couleur de thème inconnue « {name} ».', 'couleurs possibles : {known}. {suggestion}'],
  'theme/low-contrast': [
    'Contraste insuffisant entre « {fg} » ({fgValue}) et « {bg} » ({bgValue}) : {ratio}:1, il faut au moins {min}:1 ({what}).',
    "foncez ou éclaircissez l'une des deux couleurs (RGAA 3.2, 3.3) ; un outil comme le Colour Contrast Analyser donne le rapport.",
  ],
  'link/vague-text': [
    'Intitulé de lien peu explicite « {text} ».',
    "dites où mène le lien : [la doctrine technique du numérique pour l'éducation](…) plutôt que « cliquez ici » (RGAA 6.1).",
  ],
  'image/filename-alt': [
    "Le texte alternatif de l'image « {src} » est un nom de fichier (« {alt} »).",
    "décrivez ce que montre l'image : ![Schéma des responsabilités dans un EPLE]({src}) (RGAA 1.3).",
  ],
  'table/no-header': [
    "Tableau sans ligne d'en-tête : toutes ses cellules d'en-tête sont vides.",
    "la première ligne d'un tableau nomme les colonnes : donnez-lui un titre par colonne (RGAA 5.6, 5.7).",
  ],
  // parcours check: pedagogy
  'pedagogy/duration': [
    'Durée déclarée de {declared} min, loin de la durée estimée de {estimated} min ({words} mots, {questions} questions).',
    'estimation : mots ÷ 150 + 2 min par question, arrondie ; ajustez « duration » ou le contenu.',
  ],
  'question/feedback-repeats-answer': [
    'Le retour « Correct » de la question « {id} » répète la réponse mot pour mot.',
    "expliquez pourquoi c'est la bonne réponse : le retour sert à apprendre, pas à confirmer.",
  ],
  'text/working-note': [
    'Note de travail dans le texte des apprenants : « {note} ».',
    "placez les notes de l'auteur dans un commentaire HTML <!-- … -->, jamais affiché, ou retirez-la.",
  ],
  'link/insecure': ['Lien non sécurisé « {href} » (http://).', "utilisez l'adresse en https:// ; Moodle est servi en https et le navigateur peut avertir ou bloquer."],
  // parcours check: French typography
  'typography/space-before': [
    'Espace insécable manquante avant « {mark} » ({count} dans ce fichier, la première ici).',
    "en français, « ; », « : », « ! » et « ? » sont précédés d'une espace insécable ; « parcours check --fix » les met toutes.",
  ],
  'typography/guillemets': [
    "Espace insécable manquante à l'intérieur des guillemets « » ({count} dans ce fichier, la première ici).",
    'écrivez « texte » avec des espaces insécables ; « parcours check --fix » les met toutes.',
  ],
  'typography/straight-quotes': [
    'Guillemets droits "…" dans un texte en français ({count} paires dans ce fichier, la première ici).',
    'utilisez les guillemets français « … » ; « parcours check --fix » les remplace toutes.',
  ],
  // parcours check --against published.zip
  'update/graded-question-added': [
    '{class} : question notée « {id} » ajoutée ; chaque score est recalculé sur un nouveau total.',
    'augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/graded-question-removed': [
    '{class} : question notée « {id} » retirée (ou devenue non notée) ; les scores sont recalculés sans elle.',
    'augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/points-changed': [
    '{class} : la question « {id} » passe de {from} à {to} point(s).',
    'augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/answers-reworded': [
    '{class} : les réponses proposées de la question « {id} » ont changé ; la réponse que chaque apprenant y avait donnée est effacée.',
    'si seule la forme a changé, reprenez le texte publié des réponses ; sinon, augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/correct-answer-changed': [
    '{class} : la bonne réponse de la question « {id} » a changé ; les réponses déjà données sont recorrigées.',
    'augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/rule-changed': [
    '{class} : la règle « {rule} » passe de {from} à {to}.',
    'augmentez « version » dans course.yml (actuellement {version}) si ce changement est voulu, et prévenez les apprenants ; sinon annulez-le.',
  ],
  'update/question-added': ['{class} : question non notée « {id} » ajoutée.', 'rien à faire.'],
  'update/question-removed': [
    '{class} : question non notée « {id} » retirée ; les réponses des apprenants à cette question sont effacées.',
    "si ce n'est pas voulu, gardez la question avec son identifiant.",
  ],
  'update/question-renamed': [
    "{class} : la question « {from} » a changé d'identifiant, elle s'appelle maintenant « {id} » ; la réponse que chaque apprenant y avait donnée est effacée.",
    "si ce n'est pas voulu, rendez-lui son identifiant publié « {from} ».",
  ],
  'update/page-added': ['{class} : page « {id} » ajoutée.', 'rien à faire.'],
  'update/page-removed': [
    '{class} : page « {id} » retirée ; la marque « page vue » de cette page est effacée.',
    "si ce n'est pas voulu, gardez la page avec son identifiant {#id}.",
  ],
  'update/page-renamed': [
    "{class} : la page « {from} » a changé d'identifiant, elle s'appelle maintenant « {id} » ; sa marque « page vue » est effacée.",
    "si ce n'est pas voulu, rendez-lui son identifiant publié « {from} » (module/{#id}).",
  ],
  'update/page-order-changed': ["{class} : l'ordre des pages a changé (la progression est suivie par identifiant de page).", 'rien à faire.'],
  'update/not-a-package': ["« {file} » n'est pas un paquet parcours lisible ({reason}).", "donnez le zip tel qu'il a été déposé dans Moodle (produit par « parcours build »)."],
  'update/other-course': [
    'Le paquet publié est la formation « {published} », pas « {current} ».',
    "donnez le zip de cette formation ; l'identifiant « id » de course.yml ne doit pas changer après publication.",
  ],
} as const satisfies Record<string, readonly [string, string]>

export type DiagnosticCode = keyof typeof fr

const en: Record<DiagnosticCode, readonly [string, string]> = {
  'course/no-course-file': ['No course.yml in {dir}.', 'create course.yml at the root of the course folder (see README, "Écrire une formation").'],
  'read/unreadable-file': [
    'Cannot read the file ({reason}).',
    'check that the file exists and that you may read it (EACCES: permissions; EMFILE: too many open files on this machine, try again).',
  ],
  'read/unreadable-folder': ['Cannot read the folder ({reason}): its files are ignored.', 'check that you may read this folder, or move it out of the course folder.'],
  'read/too-many-files': [
    'The course folder holds more than {max} files: it is probably not the right folder.',
    'give the folder that holds course.yml, and move what does not belong to the course elsewhere.',
  ],
  'read/text-too-large': [
    'File too large: {size} MB, over the {limit} MB limit for course.yml, a module or a template.',
    'split this module into several modules; a text file of this size is probably not a module.',
  ],
  'read/image-too-large': [
    'Image too heavy: {size} MB, over the {limit} MB limit.',
    'make the image smaller (dimensions, compression): every learner downloads it, often on a phone.',
  ],
  'read/not-utf8': [
    'The file is not UTF-8 (byte {byte} here).',
    'save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8); it is often an "é" saved as Latin-1 or Windows-1252.',
  ],
  'yaml/syntax': ['Malformed YAML here ({reason}).', 'check the indentation (spaces, never tabs); put in double quotes a value that contains ":" or starts with * & ! [ or {.'],
  'yaml/colon-in-value': ['The value of "{key}" contains ":", which YAML reads as the start of a new key.', 'put the whole value in double quotes: "… : …".'],
  'yaml/duplicate-key': ['Key "{key}" appears twice.', 'keep a single "{key}: …" line.'],
  'config/unknown-key': ['Unknown key "{key}".', '{suggestion}'],
  'config/missing-key': ['Required key "{key}" is missing.', 'add a "{key}: …" line. Expected: {expected}.'],
  'config/invalid-value': ['Invalid value for "{key}": {value}.', 'expected: {expected}. {suggestion}'],
  'course/module-not-found': [
    'Module "{module}" listed in course.yml was not found.',
    'check the file name in the "modules:" list (relative to the course folder, case included), or create the file. {suggestion}',
  ],
  'course/module-listed-twice': ['Module "{module}" is listed twice.', 'remove the duplicate from the modules list.'],
  'course/no-modules': ['The course has no modules.', 'list at least one Markdown file under "modules:".'],
  'module/no-front-matter': [
    'The module has no front matter.',
    'start the file with a header between two "---" lines, with at least id, title, duration and objectives (see README, "Un module").',
  ],
  'module/unclosed-front-matter': ["The module's front matter is not closed.", 'end the front matter with a "---" line, before the first "##" heading.'],
  'module/front-matter-not-yaml': [
    'The module\'s front matter is declared as "{language}": only YAML is accepted, and this front matter was not read.',
    'open the front matter with a "---" line on its own and write it in YAML (key: value). parcours never runs a course\'s text.',
  ],
  'module/duplicate-id': ['Module id "{id}" is already used by {other}.', 'give every module a unique id; never change the id of a published module.'],
  'module/unclosed-comment': ['Comment "<!--" never closed: all the text after it is published as is, notes included.', 'close the comment with "-->".'],
  'module/empty': ['The module has no pages.', 'every "##" heading starts a page: add at least one "## Title".'],
  'module/content-before-page': ['Content comes before the first "##" heading.', 'every page starts with a "##" heading: add one before this text.'],
  'module/h1': ['Level-1 heading ("#") in a module.', 'the module title comes from "title"; use "##" for a page and "###" for a section.'],
  'module/several-assessments': ['The module has several assessment pages ({pages}).', 'keep a single ".evaluation" page per module.'],
  'page/duplicate-id': ['Page id "{id}" is already used in this module (line {other}).', 'give one of the two pages an explicit, unique {#id}.'],
  'page/invalid-id': ['Invalid page id "{id}".', 'end the heading with an id of lowercase letters, digits and hyphens (at most 64 characters): ## Title {#my-page}. {suggestion}'],
  'page/unknown-class': ['Unknown heading class ".{class}".', 'the only class is ".evaluation" (scored assessment page). {suggestion}'],
  'page/invalid-attribute': [
    'Unknown heading attribute "{attribute}".',
    'a heading accepts only {#id} (no space) and .evaluation; no other attribute (onclick, style…) is published.',
  ],
  'link/refused': ['Link refused "{url}": this kind of link is never published (it could run code).', 'use an https:// link to a page, or an image saved in the module folder.'],
  'page/empty': ['Page "{id}" is empty.', 'add content under the heading, or remove it.'],
  'block/unknown': ['Unknown block "::: {name}".', 'available blocks: key-point, warning, example (callouts); single, multiple, true-false, matching (questions). {suggestion}'],
  'block/unclosed': ['Block "::: {name}" is not closed.', 'end the block with a ":::" line.'],
  'question/missing-id': ['The question has no id.', 'write "::: {type} my-id": the id keeps learners\' answers when you edit the course.'],
  'question/invalid-id': [
    'Invalid question id "{id}".',
    'use lowercase letters, digits and hyphens (at most 64 characters); Moodle refuses spaces, capitals and accents. {suggestion}',
  ],
  'question/duplicate-id': ['Question id "{id}" is already used ({other}).', 'every question id is unique in the whole course.'],
  'question/invalid-option': ['Invalid question option "{option}".', 'available options: points=N (N a whole number from 1 to 100), without spaces. {suggestion}'],
  'question/no-choices': ['Question "{id}" has no list of answers.', 'add a list "- [x] right answer" / "- [ ] wrong answer" after the question text.'],
  'question/no-correct-answer': ['Question "{id}" has no right answer.', 'tick the right answer(s) with "- [x]".'],
  'question/several-correct-answers': ['Question "{id}" ({type}) has {count} right answers.', 'a {type} question has exactly one right answer; use "qcm" for several.'],
  'question/choice-without-box': ['An answer of question "{id}" has no checkbox.', 'start every answer with "[ ]" or "[x]".'],
  'question/too-many-choices': ['Question "{id}" has {count} answers.', 'at most 36 (SCORM 1.2 names an answer with one character); 10 is already a lot.'],
  'question/true-false-choices': [
    'True/false question "{id}" must offer exactly "Vrai" and "Faux".',
    'write "- [x] Vrai" and "- [ ] Faux" (or the reverse; "True"/"False" work too).',
  ],
  'question/bad-pair': ['Malformed pair in question "{id}".', 'write every pair as "- item -> match".'],
  'question/too-few-pairs': ['Matching question "{id}" has fewer than two pairs.', 'give at least two "item -> match" pairs.'],
  'question/duplicate-choice': ['Duplicate answer "{text}" in question "{id}".', 'every answer (or every item of a matching question) must be different.'],
  'question/no-stem': ['Question "{id}" has no question text.', 'write the question before the list of answers.'],
  'question/missing-feedback': ['Question "{id}" has no "{kind}" feedback.', 'add a paragraph "{kind} : …" that explains the answer.'],
  'question/nested': [
    'Nested block in question "{id}".',
    'a question cannot contain another ":::" block (its closing ":::" would close the question too): put that block before or after the question.',
  ],
  'question/not-top-level': ['Question inside a list, quote or callout.', 'put the question\'s ":::" block at the top level of the page, without indentation or ">".'],
  'image/missing-alt': ['Image "{src}" has no alternative text.', 'describe the image between the brackets: ![what the image shows]({src}) (WCAG 1.1.1).'],
  'image/not-found': ['Image not found: "{src}".', 'the path is relative to the module file; check the name and case. {suggestion}'],
  'image/remote': ['Remote image "{src}".', 'a package loads nothing from outside itself: save the image in the module folder and use a relative path.'],
  'table/empty-header': ['Empty header cell in a table.', 'give every column a heading (for example "Criterion"): screen readers read it before each cell (WCAG 1.3.1).'],
  'theme/invalid-color': ['Invalid colour for "{name}": {value}.', 'use a CSS colour: #00508f, rgb(0 80 143)…'],
  'theme/logo-not-image': ['The logo "{src}" is not an image.', 'give a .png, .jpg, .svg, .webp or .gif file: it is copied as is into the package, which every learner can open.'],
  'image/svg-script': [
    'SVG image refused: it holds {found}, which could run code inside Moodle.',
    'export the image without scripts or interactivity (in Inkscape: "Plain SVG"), or as PNG.',
  ],
  'theme/logo-not-found': ['Logo not found: "{src}".', 'put the file in the course folder and give its relative path.'],
  'state/too-large': [
    'A learner\'s state can reach {size} characters in "{sco}", over the {limit} limit of {version}.',
    'reduce the number of questions or pages of this module, switch to "sco: module" (one SCO per module) or to SCORM 2004.',
  ],
  'state/key-collision': ['Ids "{a}" and "{b}" share the state key {key}.', 'rename one of them (one character is enough).'],
  'text/control-character': [
    'Invisible control character {char} in the text.',
    'remove it (it often comes from a copy and paste): it would make the package manifest unreadable to Moodle.',
  ],
  'text/bidi-control': [
    'Writing-direction control character {char}: the text shown may differ from what you read in your editor.',
    'remove it, unless you are deliberately writing Arabic or Hebrew.',
  ],
  'text/invisible-character': [
    'Invisible character {char} (zero-width space, soft hyphen…).',
    'remove it if it comes from a copy and paste: it can break a search or an expected answer.',
  ],
  'output/is-course-folder': [
    'The output folder "{out}" is the course folder itself.',
    'write the packages elsewhere, for example --out dist (the default) or a subfolder such as --out {out}/dist.',
  ],
  'template/error': ['Template error: {reason}.', 'fix template {file} (Handlebars syntax).'],
  'template/invalid-xml': [
    'The manifest this template produces is not well-formed XML (line {line}, column {column} of the manifest produced: {reason}).',
    'fix template {file}: close every element, write "&" as "&amp;", no HTML entity such as "&nbsp;". Moodle would refuse this package.',
  ],
  'template/unknown': ['Unknown template "{file}" in templates/.', 'only these templates can be overridden: {known}.'],
  'template/log': ['{{log}} writes to the terminal each time this template renders.', 'remove it from {file} once the template works.'],
  'template/prototype-property': [
    '"{name}" is an inherited property that Handlebars refuses to read: the template will render an empty value.',
    "use a field given to the template in {file} (see parcours' own templates).",
  ],
  'template/removed-field': [
    '"{name}" is no longer given to templates: right answers and the "Correct:" feedback are sealed in the SCO\'s data, and the runtime shows them after validation.',
    'remove "{name}" from {file} and keep the element <div class="pc-feedback-correct" hidden></div>, which the runtime fills.',
  ],
  'template/missing-hook': [
    'The question template {file} no longer contains "{hook}", which the runtime needs to show the verdict and feedback.',
    "start again from parcours' own templates/partials/question.hbs and keep its pc-… classes and the data-question attribute.",
  ],
  'template/missing-runtime-hook': [
    'Template {file} no longer contains "{hook}": without it, parcours\' runtime does not start, and neither progress nor score reach Moodle.',
    "start again from parcours' own {builtin} and keep {hooks}.",
  ],
  'template/missing-fallback': [
    'Template {file} does not call {{> fallback}}: if parcours.js does not load (connection lost, file blocked), the pages after the first stay empty.',
    "add {{> fallback}} just before </body>, as in parcours' own templates/layouts/sco.html.hbs.",
  ],
  // parcours check (issue 9): structure
  'heading/skipped-level': [
    'Skipped heading level: "{found}" after "{previous}".',
    'go down one level at a time ("{expected}" here): screen-reader users navigate by heading levels (WCAG 1.3.1).',
  ],
  'heading/empty': ['Empty heading.', 'write the heading text before its attributes: "## Frequently asked questions {#faq}".'],
  'markup/raw-image': [
    'Image not recognised: "{text}" would be shown as is to learners.',
    'write a path with spaces between angle brackets: ![alt text](<{src}>), or rename the file without spaces.',
  ],
  'markup/unknown-attributes': [
    'Attributes "{{attributes}}" not recognised: the text would be shown as is to learners.',
    'after a [passage], only {lang=code} is accepted (for example [Digital Services Act]{lang=en}).',
  ],
  'lang/invalid': ['Unknown language code "{lang}".', 'use a BCP 47 code: en, de, es, it, br, oc… {suggestion}'],
  'link/broken': ['Broken internal link "{href}".', 'link to a page with [text](#page-id) (same module) or [text](module-file.md#page-id); check the id. {suggestion}'],
  'asset/unused': ['File "{file}" is unused: no page shows it.', 'delete it from the course folder, or show it in a page.'],
  'course/unlisted-module': [
    'File "{file}" is not listed in course.yml: it will not be in the package.',
    'add it to the "modules:" list of course.yml, or move it out of the course folder.',
  ],
  // parcours check: assessment
  'assessment/nothing-graded': [
    'A pass mark ({passing}) is set but {scope} has no graded question: nothing will be graded.',
    'add an assessment page "## Assessment {#assessment .evaluation}" with questions, or remove "passingScore".',
  ],
  'assessment/empty': ['Assessment page "{id}" has no question.', 'add "::: single …" questions to this page, or remove the ".evaluation" class.'],
  'assessment/pass-mark-ignored': [
    'The module\'s "passingScore" has no effect with "sco: course".',
    'with a single SCO only course.yml\'s pass mark counts: remove the module\'s, or switch to "sco: module".',
  ],
  // parcours check: accessibility
  'theme/unknown-color': ['Unknown theme colour "{name}".', 'available colours: {known}. {suggestion}'],
  'theme/low-contrast': [
    'Contrast too low between "{fg}" ({fgValue}) and "{bg}" ({bgValue}): {ratio}:1, at least {min}:1 is needed ({what}).',
    'darken or lighten one of the two colours (WCAG 1.4.3, 1.4.11); a tool such as the Colour Contrast Analyser gives the ratio.',
  ],
  'link/vague-text': ['Vague link text "{text}".', 'say where the link leads: [the digital doctrine for education](…) rather than "click here" (WCAG 2.4.4).'],
  'image/filename-alt': [
    'The alternative text of image "{src}" is a file name ("{alt}").',
    'describe what the image shows: ![Diagram of responsibilities in a school]({src}) (WCAG 1.1.1).',
  ],
  'table/no-header': ['Table without a header row: all its header cells are empty.', 'the first row of a table names the columns: give it one heading per column (WCAG 1.3.1).'],
  // parcours check: pedagogy
  'pedagogy/duration': [
    'Declared duration of {declared} min, far from the estimated {estimated} min ({words} words, {questions} questions).',
    'estimate: words ÷ 150 + 2 min per question, rounded; adjust "duration" or the content.',
  ],
  'question/feedback-repeats-answer': [
    'The "Correct" feedback of question "{id}" repeats the answer word for word.',
    'explain why it is the right answer: feedback is for learning, not for confirming.',
  ],
  'text/working-note': ['Working note in the learners\' text: "{note}".', "put the author's notes in an HTML comment <!-- … -->, never shown, or remove it."],
  'link/insecure': ['Insecure link "{href}" (http://).', 'use the https:// address; Moodle is served over https and browsers may warn or block.'],
  // parcours check: French typography
  'typography/space-before': [
    'Missing no-break space before "{mark}" ({count} in this file, the first one here).',
    'in French, ";", ":", "!" and "?" are preceded by a no-break space; "parcours check --fix" adds them all.',
  ],
  'typography/guillemets': [
    'Missing no-break space inside the « » quotation marks ({count} in this file, the first one here).',
    'write « text » with no-break spaces; "parcours check --fix" adds them all.',
  ],
  'typography/straight-quotes': [
    'Straight quotes "…" in a French text ({count} pairs in this file, the first one here).',
    'use French quotation marks « … »; "parcours check --fix" replaces them all.',
  ],
  // parcours check --against published.zip
  'update/graded-question-added': [
    '{class}: graded question "{id}" added; every score is computed on a new total.',
    'raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/graded-question-removed': [
    '{class}: graded question "{id}" removed (or no longer graded); scores are computed without it.',
    'raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/points-changed': [
    '{class}: question "{id}" goes from {from} to {to} point(s).',
    'raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/answers-reworded': [
    '{class}: the answers offered by question "{id}" changed; the answer each learner gave to it is dropped.',
    'if only the wording changed, restore the published wording of the answers; otherwise raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/correct-answer-changed': [
    '{class}: the right answer of question "{id}" changed; answers already given are marked again.',
    'raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/rule-changed': [
    '{class}: rule "{rule}" goes from {from} to {to}.',
    'raise "version" in course.yml (now {version}) if this change is intended, and tell the learners; otherwise undo it.',
  ],
  'update/question-added': ['{class}: ungraded question "{id}" added.', 'nothing to do.'],
  'update/question-removed': ['{class}: ungraded question "{id}" removed; learners\' answers to it are dropped.', 'if this is not intended, keep the question with its id.'],
  'update/question-renamed': [
    '{class}: question "{from}" changed its id, it is now "{id}"; the answer each learner gave to it is dropped.',
    'if this is not intended, give it back its published id "{from}".',
  ],
  'update/page-added': ['{class}: page "{id}" added.', 'nothing to do.'],
  'update/page-removed': ['{class}: page "{id}" removed; its "page seen" mark is dropped.', 'if this is not intended, keep the page with its {#id}.'],
  'update/page-renamed': [
    '{class}: page "{from}" changed its id, it is now "{id}"; its "page seen" mark is dropped.',
    'if this is not intended, give it back its published id "{from}" (module/{#id}).',
  ],
  'update/page-order-changed': ['{class}: the page order changed (progress is tracked by page id).', 'nothing to do.'],
  'update/not-a-package': ['"{file}" is not a readable parcours package ({reason}).', 'give the zip as it was uploaded to Moodle (made by "parcours build").'],
  'update/other-course': ['The published package is course "{published}", not "{current}".', 'give this course\'s zip; the "id" of course.yml must not change after publication.'],
}

export interface DiagnosticTexts {
  error: string
  warning: string
  info: string
  hint: string
  didYouMean: string
  allowed: string
  /** Words used inside "expected" values: %text%, %list%. */
  words: Record<'text' | 'list' | 'contrast-text' | 'contrast-ui' | 'scope-course' | 'scope-module' | 'update-safe' | 'update-state-reset' | 'update-results', string>
  codes: Record<DiagnosticCode, readonly [string, string]>
}

export const DIAGNOSTIC_TEXTS: Record<Lang, DiagnosticTexts> = {
  fr: {
    error: 'erreur',
    warning: 'avertissement',
    info: 'info',
    hint: 'conseil :',
    didYouMean: 'vouliez-vous dire « {word} » ?',
    allowed: 'clés possibles : {list}.',
    words: {
      text: 'un texte',
      list: 'une liste « - … »',
      'contrast-text': 'texte',
      'contrast-ui': "composant d'interface ou focus",
      'scope-course': 'la formation',
      'scope-module': 'ce module',
      'update-safe': 'Sans effet sur les apprenants',
      'update-state-reset': "Efface une partie de l'état des apprenants",
      'update-results': 'Change les résultats',
    },
    codes: fr,
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    hint: 'hint:',
    didYouMean: 'did you mean "{word}"?',
    allowed: 'allowed keys: {list}.',
    words: {
      text: 'some text',
      list: 'a list "- …"',
      'contrast-text': 'text',
      'contrast-ui': 'interface component or focus',
      'scope-course': 'the course',
      'scope-module': 'this module',
      'update-safe': 'No effect on learners',
      'update-state-reset': "Drops part of the learners' state",
      'update-results': 'Changes results',
    },
    codes: en,
  },
}
