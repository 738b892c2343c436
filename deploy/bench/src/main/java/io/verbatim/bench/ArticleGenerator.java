package io.verbatim.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes French news-style articles (400–800 words) for the benchmarks: a recurring cast of people with roles,
 * organisations and cities, ten topics, quotes in the forms French news uses (direct with the speaker after or
 * before, indirect "a estimé que", "selon", mixed fragments). Everything here is our own writing; names of
 * cities and institutions are facts, people are invented. Deterministic for a given seed.
 *
 * <p>Each article comes with what was put in it (mentions and quotes with offsets), so the query benchmark can
 * store it as the analysis would, and the load benchmark can check what comes out.
 */
public final class ArticleGenerator {

    public record Mention(int start, int end, String text, String type, String key, String name) {
    }

    public record GeneratedQuote(int start, int end, String text, String type, String cue, Person speaker,
                                 String descriptor) {
    }

    public record Article(String title, String body, String source, OffsetDateTime publishedAt,
                          List<Mention> mentions, List<GeneratedQuote> quotes, int words) {
    }

    /** A recurring person; the role may change on a date (a new descriptor in later articles). */
    public record Person(String first, String last, boolean female, String role, String laterRole, LocalDate changesOn) {

        public String name() {
            return first + " " + last;
        }

        public String key() {
            return "PER:" + name().toLowerCase(Locale.ROOT);
        }

        String roleOn(LocalDate day) {
            return laterRole != null && !day.isBefore(changesOn) ? laterRole : role;
        }
    }

    private record Topic(String name, String[] titles, String[] announcements, String[] facts, String[] quotes,
                         String[] claims, String[] fragments, String[] words) {
    }

    private static final String[] FEMALE = {"Claire", "Sophie", "Nathalie", "Isabelle", "Camille", "Léa", "Manon",
            "Chloé", "Emma", "Juliette", "Sandrine", "Valérie", "Hélène", "Agnès", "Élise", "Margaux", "Inès",
            "Aurélie", "Céline", "Fatima", "Nadia", "Amélie", "Pauline", "Laure", "Anne", "Marion", "Sarah", "Lucie"};
    private static final String[] MALE = {"Jean", "Pierre", "Nicolas", "Thomas", "Julien", "Antoine", "Olivier",
            "Laurent", "François", "Mathieu", "Karim", "Hugo", "Louis", "Bruno", "Éric", "Philippe", "Stéphane",
            "Vincent", "Yannick", "Mehdi", "Sébastien", "Rémi", "Gilles", "Arnaud", "Benoît", "Damien", "Fabien"};
    private static final String[] SURNAMES = {"Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau",
            "Laurent", "Garnier", "Rousseau", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc",
            "Guérin", "Boyer", "Chevalier", "Lemoine", "Perrin", "Marchand", "Duval", "Caron", "Renaud", "Aubert",
            "Picard", "Roche", "Leclerc", "Gauthier", "Brunet", "Barbier", "Royer", "Benoît", "Carpentier", "Charpentier",
            "Lacroix", "Meunier", "Hamel", "Bouvier", "Ferrand", "Carrère", "Delmas", "Bertin", "Vidal", "Joly",
            "Besson", "Collet", "Tessier", "Hoarau", "Kaddour", "Benali", "Nguyen", "Ollivier", "Poulain", "Rivière"};
    private static final String[][] CITIES = {{"Lyon", "Rhône", "Auvergne-Rhône-Alpes"},
            {"Marseille", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"}, {"Toulouse", "Haute-Garonne", "Occitanie"},
            {"Nantes", "Loire-Atlantique", "Pays de la Loire"}, {"Bordeaux", "Gironde", "Nouvelle-Aquitaine"},
            {"Lille", "Nord", "Hauts-de-France"}, {"Strasbourg", "Bas-Rhin", "Grand Est"},
            {"Rennes", "Ille-et-Vilaine", "Bretagne"}, {"Montpellier", "Hérault", "Occitanie"},
            {"Grenoble", "Isère", "Auvergne-Rhône-Alpes"}, {"Dijon", "Côte-d'Or", "Bourgogne-Franche-Comté"},
            {"Rouen", "Seine-Maritime", "Normandie"}, {"Clermont-Ferrand", "Puy-de-Dôme", "Auvergne-Rhône-Alpes"},
            {"Orléans", "Loiret", "Centre-Val de Loire"}, {"Brest", "Finistère", "Bretagne"},
            {"Limoges", "Haute-Vienne", "Nouvelle-Aquitaine"}, {"Besançon", "Doubs", "Bourgogne-Franche-Comté"},
            {"Perpignan", "Pyrénées-Orientales", "Occitanie"}, {"Metz", "Moselle", "Grand Est"},
            {"Amiens", "Somme", "Hauts-de-France"}, {"Tours", "Indre-et-Loire", "Centre-Val de Loire"},
            {"Caen", "Calvados", "Normandie"}, {"Nice", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur"},
            {"Poitiers", "Vienne", "Nouvelle-Aquitaine"}, {"Pau", "Pyrénées-Atlantiques", "Nouvelle-Aquitaine"}};
    /** Organisations with the determiner French puts before them ("" when none). */
    private static final String[][] ORGANISATIONS = {{"la ", "SNCF"}, {"l'", "Insee"}, {"la ", "Banque de France"},
            {"la ", "Cour des comptes"}, {"", "Météo-France"}, {"la ", "CGT"}, {"la ", "CFDT"}, {"", "Force ouvrière"},
            {"le ", "Medef"}, {"l'", "Ademe"}, {"l'", "Unédic"}, {"l'", "Association des maires de France"},
            {"la ", "Haute Autorité de santé"}, {"le ", "Conseil d'État"}, {"", "Valoris Énergie"},
            {"", "Transalp Logistique"}, {"la ", "Fondation Abbé-Pierre"}, {"", "UFC-Que Choisir"},
            {"l'", "Office national des forêts"}, {"l'", "Agence régionale de santé"}, {"la ", "Caisse des dépôts"}};
    private static final String[] MINISTRIES = {"de l'Économie", "de la Santé", "de l'Éducation nationale",
            "des Transports", "de l'Agriculture", "du Logement", "de la Transition écologique", "du Travail",
            "de l'Industrie", "de la Culture"};
    private static final String[] SOURCES = {"AFP", "Verbatim Régions", "Le Courrier du Centre", "Ouest Dépêches",
            "La Gazette du Sud", "Nord Éclair Info"};

    // Shared by all topics, so an article need not repeat itself. {small} and {big} become numbers.
    private static final String[] GENERIC_QUOTES = {"Nous resterons extrêmement vigilants sur ce dossier.",
            "Il est temps de passer des paroles aux actes.", "Personne ne pourra dire qu'il n'était pas prévenu.",
            "Nous avons écouté tout le monde, et nous avons tranché.",
            "Ce n'est qu'une première étape, le plus dur reste à faire.",
            "Les habitants attendent des réponses concrètes, pas des annonces.", "Nous ne céderons rien sur l'essentiel.",
            "Je comprends la colère, mais je demande un peu de patience.",
            "C'est une décision difficile, mais c'est la bonne.", "Le dialogue reste ouvert, ma porte n'est jamais fermée.",
            "On nous promet depuis des années, et rien ne bouge.", "Les chiffres parlent d'eux-mêmes.",
            "Il faudra du temps, mais nous y arriverons.", "Cette situation n'a que trop duré.",
            "Nous avons fait notre part du travail, aux autres de faire la leur."};
    private static final String[] GENERIC_CLAIMS = {"le calendrier serait tenu",
            "les moyens annoncés restaient insuffisants",
            "une concertation serait organisée dans les prochaines semaines", "l'État devait prendre ses responsabilités",
            "le dossier avait pris trop de retard", "les premiers résultats seraient visibles dès l'an prochain",
            "la décision avait été prise dans l'urgence", "les élus locaux n'avaient pas été consultés",
            "aucune piste n'était écartée à ce stade"};
    private static final String[] GENERIC_FACTS = {
            "Le conseil s'est réuni pendant près de {small} heures pour examiner le dossier.",
            "Une pétition en ligne a déjà recueilli plus de {big} signatures.",
            "Environ {big} personnes ont assisté à la réunion publique organisée en soirée.",
            "L'opposition a annoncé son intention de saisir le tribunal administratif.",
            "Un rapport d'étape doit être remis aux élus d'ici {small} semaines.",
            "Les syndicats ont appelé à un rassemblement devant l'hôtel de ville.",
            "Le projet avait été présenté une première fois il y a {small} ans, sans suite.",
            "La mesure concerne directement près de {big} foyers du département.",
            "Les discussions se sont poursuivies tard dans la soirée, sans aboutir à un accord.",
            "La préfecture doit publier un nouveau bilan dans la semaine.",
            "Plusieurs élus de l'opposition ont quitté la séance avant le vote.",
            "Le sujet s'est invité dans la campagne pour les prochaines élections locales."};
    /** Fragments quoted inside a reported sentence; '-' ones are criticised, '+' ones praised. */
    private static final String[] GENERIC_FRAGMENTS = {"+une avancée réelle", "-une décision précipitée",
            "-un manque criant de moyens", "+le sérieux du travail accompli", "-une occasion manquée"};

    private static final String[] DIRECT_AFTER = {"a déclaré", "a affirmé", "a ajouté", "a souligné", "a expliqué",
            "a assuré", "a estimé", "a insisté", "a prévenu", "a martelé", "a reconnu", "a indiqué", "a précisé"};
    private static final String[] INDIRECT = {"a estimé", "a affirmé", "a assuré", "a indiqué", "a rappelé",
            "a reconnu", "a jugé", "a expliqué", "a souligné", "a fait valoir"};
    private static final String[] CRITICISE = {"a dénoncé", "a regretté", "a fustigé", "a évoqué"};
    private static final String[] PRAISE = {"a salué", "a évoqué", "a mis en avant"};
    private static final String[] DAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};

    private static final List<Topic> TOPICS = List.of(
            new Topic("transports",
                    new String[]{"À %s, la nouvelle ligne de tramway divise les riverains",
                            "Les trains régionaux de %s accumulent les retards", "%s : le plan vélo enfin voté"},
                    new String[]{"un plan de 300 millions d'euros pour moderniser les transports régionaux",
                            "l'ouverture d'une ligne de bus express entre la gare et l'aéroport",
                            "la gratuité des transports en commun pour les moins de 18 ans"},
                    new String[]{"Selon les chiffres de la région, la fréquentation des trains a progressé de 12 %% en un an.",
                            "Les travaux doivent durer dix-huit mois et mobiliser près de 400 ouvriers.",
                            "Le coût du chantier a été réévalué à la hausse en raison de l'inflation des matériaux.",
                            "Les usagers dénoncent depuis plusieurs mois des suppressions de trains sans préavis."},
                    new String[]{"Nous ne pouvons plus accepter que des milliers de voyageurs attendent sur les quais chaque matin.",
                            "Ce projet changera le quotidien des habitants des quartiers nord.",
                            "Les retards ne sont pas une fatalité, nous avons identifié les causes et nous agirons.",
                            "Chaque euro investi dans le rail est un euro qui profite au territoire tout entier."},
                    new String[]{"la ligne serait mise en service avant la fin de l'année prochaine",
                            "les tarifs resteraient stables malgré la hausse des coûts",
                            "la région devait assumer sa part de responsabilité dans les retards"},
                    new String[]{"-un abandon des zones rurales", "+une avancée historique pour les usagers", "-le manque de conducteurs formés"},
                    new String[]{"tramway", "trains", "voyageurs", "gare", "usagers", "ligne"}),
            new Topic("santé",
                    new String[]{"À %s, les urgences de l'hôpital au bord de la rupture",
                            "%s : un centre de santé ouvre pour pallier le manque de médecins",
                            "Déserts médicaux : %s teste la télémédecine"},
                    new String[]{"la création de cinquante postes d'infirmiers dans les hôpitaux du département",
                            "l'ouverture d'un centre de santé pluridisciplinaire",
                            "un plan d'urgence contre la pénurie de médecins généralistes"},
                    new String[]{"Près de 8 %% des habitants du département n'ont pas de médecin traitant.",
                            "Les urgences ont accueilli plus de 90 000 patients l'an dernier, un record.",
                            "Le délai moyen pour obtenir un rendez-vous chez un spécialiste dépasse trois mois.",
                            "Plusieurs services ont dû fermer des lits faute de personnel cet été."},
                    new String[]{"Les soignants sont à bout, il faut les entendre avant qu'ils ne partent.",
                            "Nous avons besoin de médecins, pas de promesses.",
                            "Ce centre permettra de soigner plus de 5 000 patients par an.",
                            "La santé des habitants ne peut pas dépendre de leur code postal."},
                    new String[]{"la situation des urgences restait très préoccupante",
                            "les recrutements permettraient de rouvrir les lits fermés",
                            "la télémédecine ne remplacerait jamais une consultation en cabinet"},
                    new String[]{"-une médecine à deux vitesses", "+l'engagement remarquable des soignants",
                            "-la fermeture de lits en pleine épidémie"},
                    new String[]{"hôpital", "urgences", "médecins", "patients", "soignants", "santé"}),
            new Topic("éducation",
                    new String[]{"Rentrée scolaire à %s : des classes surchargées",
                            "%s : le collège rénové accueille ses premiers élèves", "Fermetures de classes : colère à %s"},
                    new String[]{"la rénovation de douze écoles primaires d'ici à 2027",
                            "l'embauche de 200 assistants d'éducation supplémentaires",
                            "un dispositif de soutien scolaire gratuit pour les collégiens"},
                    new String[]{"Plus de 30 élèves s'entassent désormais dans certaines classes de seconde.",
                            "Le rectorat prévoit la fermeture de quinze classes dans le département.",
                            "Le budget consacré aux bâtiments scolaires a doublé en cinq ans.",
                            "Les enseignants réclament des moyens pour l'inclusion des élèves handicapés."},
                    new String[]{"Nos enfants méritent mieux que des classes de trente-cinq élèves.",
                            "L'école doit rester le lieu où l'on corrige les inégalités, pas celui où on les creuse.",
                            "Ce collège est la preuve qu'un bâtiment bien pensé change la façon d'apprendre.",
                            "Nous ne fermerons aucune classe sans concertation avec les familles."},
                    new String[]{"les effectifs baisseraient dès la rentrée prochaine",
                            "les fermetures de classes étaient inévitables compte tenu de la démographie",
                            "le dispositif serait étendu à tous les collèges du département"},
                    new String[]{"-une rentrée sous tension", "-le mépris affiché envers les enseignants", "+un investissement indispensable pour l'avenir"},
                    new String[]{"école", "élèves", "enseignants", "collège", "classes", "rentrée"}),
            new Topic("énergie",
                    new String[]{"%s mise sur la géothermie pour chauffer ses logements",
                            "Factures d'électricité : inquiétude des commerçants de %s",
                            "Un parc solaire controversé près de %s"},
                    new String[]{"la construction d'un parc solaire de 40 hectares",
                            "un réseau de chaleur alimenté par la géothermie",
                            "une aide de 500 euros pour les ménages les plus modestes face à la hausse des factures"},
                    new String[]{"La facture d'électricité des commerces a augmenté de 40 %% en deux ans.",
                            "Le parc doit produire l'équivalent de la consommation de 15 000 foyers.",
                            "Le réseau de chaleur évitera l'émission de 20 000 tonnes de CO2 par an.",
                            "Les associations de riverains ont déposé un recours devant le tribunal administratif."},
                    new String[]{"La transition énergétique ne se fera pas contre les habitants.",
                            "Nous produirons ici une énergie propre, locale et moins chère.",
                            "Les petits commerçants ne survivront pas à une nouvelle hausse des prix.",
                            "Ce projet est le fruit de trois années de concertation."},
                    new String[]{"les travaux débuteraient au printemps",
                            "la hausse des prix de l'énergie menaçait des centaines d'emplois",
                            "le recours des riverains n'avait aucune chance d'aboutir"},
                    new String[]{"-un projet imposé sans concertation", "+une étape décisive pour la transition", "-l'explosion des factures"},
                    new String[]{"énergie", "électricité", "solaire", "factures", "chaleur", "géothermie"}),
            new Topic("agriculture",
                    new String[]{"Sécheresse : les agriculteurs de %s tirent la sonnette d'alarme",
                            "%s : les éleveurs manifestent devant la préfecture", "Près de %s, une ferme bio en pleine expansion"},
                    new String[]{"un fonds d'urgence de 20 millions d'euros pour les éleveurs",
                            "des restrictions d'eau dans soixante communes",
                            "un plan de soutien aux circuits courts"},
                    new String[]{"Les rendements de blé ont chuté de 25 %% par rapport à la moyenne décennale.",
                            "Plus de 300 tracteurs ont convergé vers le centre-ville dans la matinée.",
                            "Le prix du lait payé aux producteurs reste inférieur à leurs coûts de production.",
                            "Les nappes phréatiques sont à un niveau historiquement bas pour la saison."},
                    new String[]{"Nous travaillons soixante-dix heures par semaine pour perdre de l'argent.",
                            "Sans eau, il n'y a pas d'agriculture, et sans agriculture, il n'y a plus de campagne.",
                            "Les consommateurs veulent du local, nous sommes prêts à leur en donner.",
                            "Le gouvernement doit entendre la détresse du monde agricole."},
                    new String[]{"les aides seraient versées avant l'été",
                            "les restrictions d'eau pourraient être durcies dans les prochains jours",
                            "la grande distribution devait payer un prix juste aux producteurs"},
                    new String[]{"~la détresse des éleveurs", "-une concurrence déloyale", "+le courage des agriculteurs"},
                    new String[]{"agriculteurs", "éleveurs", "sécheresse", "eau", "récoltes", "lait"}),
            new Topic("budget",
                    new String[]{"Budget : %s doit trouver 30 millions d'euros d'économies",
                            "Impôts locaux : la hausse passe mal à %s", "%s adopte un budget sous tension"},
                    new String[]{"un budget de 1,2 milliard d'euros, en hausse de 3 %%",
                            "un plan d'économies de 30 millions d'euros",
                            "une hausse de la taxe foncière de 4 %%"},
                    new String[]{"La dette de la collectivité atteint désormais 850 millions d'euros.",
                            "Les dépenses de personnel représentent près de la moitié du budget de fonctionnement.",
                            "Le budget a été adopté par 45 voix contre 22.",
                            "La chambre régionale des comptes avait pointé une situation financière fragile."},
                    new String[]{"Nous ne laisserons pas la dette aux générations futures.",
                            "Ce budget protège les services publics tout en maîtrisant les dépenses.",
                            "Augmenter les impôts en pleine crise du pouvoir d'achat est une faute.",
                            "Chaque dépense a été examinée ligne par ligne."},
                    new String[]{"les économies ne toucheraient pas les services essentiels",
                            "la hausse de la taxe foncière était inévitable",
                            "l'État devait compenser la baisse de ses dotations"},
                    new String[]{"-un budget insincère", "+une gestion rigoureuse", "-le matraquage fiscal"},
                    new String[]{"budget", "dette", "impôts", "économies", "dépenses", "taxe"}),
            new Topic("logement",
                    new String[]{"Crise du logement : à %s, les étudiants peinent à se loger",
                            "%s lance un programme de 2 000 logements sociaux", "Loyers : %s veut les encadrer"},
                    new String[]{"la construction de 2 000 logements sociaux en cinq ans",
                            "l'encadrement des loyers dans le centre-ville",
                            "une résidence de 300 chambres pour les étudiants"},
                    new String[]{"Le loyer moyen d'un studio a progressé de 15 %% en trois ans.",
                            "Plus de 12 000 ménages attendent un logement social dans le département.",
                            "Les locations touristiques ont retiré un millier de logements du marché.",
                            "Le nombre de permis de construire a reculé de 20 %% sur un an."},
                    new String[]{"Se loger ne doit pas coûter la moitié d'un salaire.",
                            "Nous construirons plus, mieux et plus près des transports.",
                            "Les étudiants dorment dans leur voiture, c'est indigne de notre pays.",
                            "L'encadrement des loyers a fait ses preuves ailleurs, il le fera ici."},
                    new String[]{"l'encadrement des loyers entrerait en vigueur l'an prochain",
                            "la pénurie de logements freinait l'emploi",
                            "les propriétaires devaient être associés à la réforme"},
                    new String[]{"-une crise du logement sans précédent", "+une mesure de bon sens", "-la spéculation immobilière"},
                    new String[]{"logement", "loyers", "étudiants", "logements", "propriétaires", "résidence"}),
            new Topic("climat",
                    new String[]{"Inondations : %s compte ses dégâts", "Canicule : %s ouvre des salles rafraîchies",
                            "%s adopte un plan climat ambitieux"},
                    new String[]{"un plan climat prévoyant la plantation de 10 000 arbres",
                            "un fonds d'indemnisation pour les sinistrés des inondations",
                            "la végétalisation de trente cours d'école"},
                    new String[]{"Les pluies ont atteint 120 millimètres en vingt-quatre heures, du jamais-vu depuis 1982.",
                            "Météo-France a placé le département en vigilance rouge canicule.",
                            "Près de 600 habitations ont été touchées par la montée des eaux.",
                            "Les températures ont dépassé 40 degrés pendant quatre jours consécutifs."},
                    new String[]{"Le dérèglement climatique n'est plus une menace lointaine, il frappe à notre porte.",
                            "Nous devons adapter la ville à des étés de plus en plus chauds.",
                            "Les sinistrés seront indemnisés rapidement, je m'y engage.",
                            "Planter des arbres, c'est la mesure la plus simple et la plus efficace."},
                    new String[]{"l'état de catastrophe naturelle serait reconnu dans les prochains jours",
                            "la ville devait se préparer à des épisodes plus fréquents",
                            "les digues avaient tenu malgré la violence de la crue"},
                    new String[]{"-l'inaction climatique", "+une solidarité exemplaire", "-des mesures trop timides"},
                    new String[]{"climat", "inondations", "canicule", "arbres", "pluies", "sinistrés"}),
            new Topic("industrie",
                    new String[]{"%s : l'usine menacée de fermeture, 400 emplois en jeu",
                            "Réindustrialisation : une usine de batteries s'installe près de %s",
                            "À %s, les salariés en grève pour les salaires"},
                    new String[]{"l'implantation d'une usine de batteries créant 1 200 emplois",
                            "un plan de reprise pour sauver le site",
                            "une prime exceptionnelle de 1 000 euros pour les salariés"},
                    new String[]{"Le site emploie 400 salariés et autant de sous-traitants.",
                            "L'investissement total est estimé à 2 milliards d'euros.",
                            "La grève a été reconduite pour la troisième semaine consécutive.",
                            "Le carnet de commandes a fondu de moitié depuis le début de l'année."},
                    new String[]{"Nous ne laisserons pas mourir ce savoir-faire.",
                            "Cette usine est la preuve que l'industrie a un avenir en France.",
                            "Les salariés ont fait des efforts pendant dix ans, c'est à la direction d'en faire.",
                            "Aucun licenciement sec n'est prévu à ce stade."},
                    new String[]{"un repreneur sérieux s'était manifesté",
                            "les négociations salariales reprendraient la semaine prochaine",
                            "l'usine serait opérationnelle dès 2027"},
                    new String[]{"-un chantage à l'emploi", "+une excellente nouvelle pour le territoire", "-le cynisme des actionnaires"},
                    new String[]{"usine", "salariés", "emplois", "grève", "industrie", "site"}),
            new Topic("culture",
                    new String[]{"%s : le festival d'été bat des records de fréquentation",
                            "Le musée de %s rouvre après trois ans de travaux", "Subventions culturelles : inquiétude à %s"},
                    new String[]{"la réouverture du musée des beaux-arts après trois ans de travaux",
                            "une baisse de 10 %% des subventions aux associations culturelles",
                            "la création d'un pass culture municipal pour les jeunes"},
                    new String[]{"Le festival a accueilli plus de 150 000 spectateurs en cinq jours.",
                            "La rénovation du musée a coûté 45 millions d'euros.",
                            "Une centaine d'associations culturelles dépendent des subventions municipales.",
                            "La billetterie a été ouverte en ligne dès le mois de mars."},
                    new String[]{"La culture n'est pas une dépense, c'est un investissement.",
                            "Ce musée appartient à tous les habitants, il doit leur être ouvert.",
                            "Couper dans les subventions, c'est condamner des dizaines de petites compagnies.",
                            "Jamais nous n'avions vu une telle affluence."},
                    new String[]{"la fréquentation dépassait toutes les prévisions",
                            "la baisse des subventions menaçait plusieurs festivals",
                            "le musée serait gratuit le premier dimanche de chaque mois"},
                    new String[]{"-une saignée budgétaire", "+un succès populaire", "-l'abandon de la culture de proximité"},
                    new String[]{"festival", "musée", "culture", "spectateurs", "subventions", "associations"}));

    private final Random random;
    private final List<Person> people = new ArrayList<>();

    public ArticleGenerator(long seed, int cast) {
        random = new Random(seed);
        for (int i = 0; i < cast; i++) {
            boolean female = random.nextBoolean();
            String first = pick(female ? FEMALE : MALE);
            String last = SURNAMES[(i * 7 + random.nextInt(SURNAMES.length)) % SURNAMES.length];
            if (people.stream().anyMatch(p -> p.first().equals(first) && p.last().equals(last))) {
                continue;
            }
            String role = role(female);
            boolean promoted = random.nextInt(5) == 0;
            people.add(new Person(first, last, female, role, promoted ? role(female) : null,
                    LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730))));
        }
    }

    /** One article of words between minWords and maxWords (a paragraph may overshoot slightly). */
    public Article next(OffsetDateTime publishedAt, int minWords, int maxWords) {
        Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
        String[] city = CITIES[random.nextInt(CITIES.length)];
        LocalDate day = publishedAt.toLocalDate();
        // Zipf-like choice: a few people are quoted very often, most rarely, as in real news.
        List<Person> speakers = new ArrayList<>();
        while (speakers.size() < 3) {
            Person p = people.get((int) Math.min(people.size() - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * people.size())));
            if (!speakers.contains(p)) {
                speakers.add(p);
            }
        }
        String[] organisation = ORGANISATIONS[random.nextInt(ORGANISATIONS.length)];
        int target = minWords + random.nextInt(Math.max(1, maxWords - minWords));
        Text text = new Text();

        Person lead = speakers.get(0);
        text.add(capitalize(describe(lead, day))).add(", ").person(lead).add(", a annoncé " + pick(DAYS) + " à ")
                .place(city[0]).add(" " + topic.announcements()[random.nextInt(topic.announcements().length)]
                        .replace("%%", "%") + ".");
        text.paragraph();
        direct(text, topic, lead, day);
        int turn = 1;
        while (text.words() < target) {
            text.paragraph();
            Person speaker = speakers.get(turn % speakers.size());
            // About half the paragraphs give facts, as in a dispatch: some six quotes per article.
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> text.add(fact(text, topic)).add(" ").add(fact(text, topic));
                // French reports what a source says in the conditional: "selon X, la ligne serait…".
                case 5 -> text.add("Selon " + organisation[0]).org(organisation[1]).add(", ")
                        .add(text.fresh(random, topic.claims(), GENERIC_CLAIMS) + ".");
                case 6 -> indirect(text, topic, speaker, day);
                case 7 -> mixed(text, topic, speaker, day, city);
                default -> direct(text, topic, speaker, day);
            }
            turn++;
        }
        text.paragraph();
        text.add("Une nouvelle réunion est prévue " + pick(new String[]{"le mois prochain", "à l'automne",
                "avant la fin de l'année", "dans les quinze jours"}) + " à ").place(city[0]).add(".");
        String title = String.format(topic.titles()[random.nextInt(topic.titles().length)], city[0]);
        return new Article(title, text.body.toString(), pick(SOURCES), publishedAt, List.copyOf(text.mentions),
                List.copyOf(text.quotes), text.words());
    }

    /**
     * The same dispatch as another outlet republishes it, with the edits agency copy gets: a new headline, a
     * dateline before the lead, one paragraph without quotes cut, and the other apostrophe (’ for ', or back).
     * Mentions and quotes keep their texts, at their new offsets.
     */
    public Article copy(Article original, String source, OffsetDateTime publishedAt) {
        String body = original.body();
        List<int[]> paragraphs = new ArrayList<>();
        for (int start = 0; start <= body.length(); ) {
            int end = body.indexOf("\n\n", start);
            end = end < 0 ? body.length() : end;
            paragraphs.add(new int[]{start, end});
            start = end + 2;
        }
        List<Integer> cuttable = new ArrayList<>();
        for (int i = 1; i < paragraphs.size() - 1; i++) {
            int[] p = paragraphs.get(i);
            if (original.quotes().stream().noneMatch(q -> q.start() >= p[0] && q.end() <= p[1])) {
                cuttable.add(i);
            }
        }
        int cut = cuttable.isEmpty() ? -1 : cuttable.get(random.nextInt(cuttable.size()));
        boolean curly = body.indexOf('\'') >= 0;
        java.util.function.UnaryOperator<String> typography = t -> curly ? t.replace('\'', '’') : t.replace('’', '\'');
        String dateline = original.mentions().stream().filter(m -> m.type().equals("LOC")).map(Mention::text)
                .findFirst().orElse("Paris");
        StringBuilder copy = new StringBuilder(dateline.toUpperCase(Locale.ROOT) + " – ");
        List<Mention> mentions = new ArrayList<>();
        List<GeneratedQuote> quotes = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            int[] p = paragraphs.get(i);
            if (i == cut) {
                continue;
            }
            if (copy.length() > dateline.length() + 3) {
                copy.append("\n\n");
            }
            int shift = copy.length() - p[0];
            copy.append(typography.apply(body.substring(p[0], p[1])));
            original.mentions().stream().filter(m -> m.start() >= p[0] && m.end() <= p[1])
                    .forEach(m -> mentions.add(new Mention(m.start() + shift, m.end() + shift, typography.apply(m.text()),
                            m.type(), m.key(), m.name())));
            original.quotes().stream().filter(q -> q.start() >= p[0] && q.end() <= p[1])
                    .forEach(q -> quotes.add(new GeneratedQuote(q.start() + shift, q.end() + shift,
                            typography.apply(q.text()), q.type(), q.cue(), q.speaker(), q.descriptor())));
        }
        String text = copy.toString();
        return new Article(pick(new String[]{"Ce qu'il faut retenir : ", "À la une : ", "Récit : "}) + original.title(),
                text, source, publishedAt, List.copyOf(mentions), List.copyOf(quotes), text.split("\\s+").length);
    }

    /** Another source than this one, for a copy. */
    public String otherSource(String source) {
        String other = pick(SOURCES);
        return other.equals(source) ? SOURCES[(java.util.Arrays.asList(SOURCES).indexOf(other) + 1) % SOURCES.length] : other;
    }

    /** Words characteristic of a topic, for search queries that find something. */
    public static List<String> searchWords() {
        return TOPICS.stream().flatMap(t -> java.util.Arrays.stream(t.words())).toList();
    }

    private void direct(Text text, Topic topic, Person speaker, LocalDate day) {
        String said = text.fresh(random, topic.quotes(), GENERIC_QUOTES);
        // Before "», a déclaré X" French drops the sentence's final full stop.
        String cut = said.replaceFirst("\\.$", "");
        String cueWords = pick(DIRECT_AFTER);
        String cue = lemma(cueWords);
        String role = speaker.roleOn(day);
        switch (random.nextInt(4)) {
            case 0 -> {
                text.add("« ").quote(cut, "direct", cue, speaker, role).add(" », " + cueWords + " ");
                if (text.introduced(speaker)) {
                    text.add(speaker.female() ? "Mme " : "M. ").surname(speaker);
                } else {
                    text.person(speaker);
                }
                text.add(".");
            }
            case 1 -> text.person(speaker).add(", " + role + ", l'a dit sans détour : « ")
                    .quote(said, "direct", "dire", speaker, role).add(" »");
            case 2 -> {
                String inverted = cueWords.replaceFirst("^a ", "a-t-" + (speaker.female() ? "elle " : "il "));
                text.add("Interrogé" + (speaker.female() ? "e" : "") + " sur ce point, ").person(speaker)
                        .add(" a répondu sans détour. « ").quote(cut, "direct", cue, speaker, role)
                        .add(" », " + inverted + ".");
            }
            default -> text.add("« ").quote(cut, "direct", cue, speaker, role).add(" », " + cueWords + " ")
                    .add(describe(speaker, day)).add(" ").person(speaker).add(".");
        }
    }

    private void indirect(Text text, Topic topic, Person speaker, LocalDate day) {
        String claim = text.fresh(random, topic.claims(), GENERIC_CLAIMS);
        String cueWords = pick(INDIRECT);
        text.person(speaker).add(", " + speaker.roleOn(day) + ", " + cueWords + " que ")
                .quote(claim, "indirect", lemma(cueWords), speaker, speaker.roleOn(day)).add(".");
        if (random.nextBoolean()) {
            text.add(" ").add(fact(text, topic));
        }
    }

    private void mixed(Text text, Topic topic, Person speaker, LocalDate day, String[] city) {
        String fragment = text.fresh(random, topic.fragments(), GENERIC_FRAGMENTS);
        String cueWords = pick(switch (fragment.charAt(0)) {
            case '-' -> CRITICISE;
            case '+' -> PRAISE;
            default -> new String[]{"a évoqué"};
        });
        text.add("De son côté, ");
        if (text.introduced(speaker)) {
            text.surname(speaker);
        } else {
            text.person(speaker).add(", " + speaker.roleOn(day) + ",");
        }
        text.add(" " + cueWords + " « ").quote(fragment.substring(1), "mixed", lemma(cueWords), speaker, speaker.roleOn(day))
                .add(" » lors d'une réunion publique à ").place(city[0]).add(".");
    }

    private String fact(Text text, Topic topic) {
        return text.fresh(random, topic.facts(), GENERIC_FACTS).replace("%%", "%")
                .replace("{small}", Integer.toString(2 + random.nextInt(11)))
                .replace("{big}", String.format(Locale.FRANCE, "%,d", 150 + random.nextInt(9000)).replace('\u202f', ' '));
    }

    private static String describe(Person person, LocalDate day) {
        String role = person.roleOn(day);
        return (role.matches("^[aeiouéèêhAEIOUÉ].*") ? "l'" : person.female() ? "la " : "le ") + role;
    }

    private String role(boolean female) {
        String[] city = CITIES[random.nextInt(CITIES.length)];
        return switch (random.nextInt(8)) {
            case 0 -> "ministre " + pick(MINISTRIES);
            case 1 -> "maire de " + city[0];
            case 2 -> (female ? "présidente" : "président") + " du conseil départemental du " + city[1];
            case 3 -> (female ? "députée" : "député") + " de la circonscription de " + city[0];
            case 4 -> "porte-parole " + of(ORGANISATIONS[random.nextInt(ORGANISATIONS.length)]);
            case 5 -> (female ? "secrétaire générale" : "secrétaire général") + " de la " + pick(new String[]{"CGT", "CFDT"});
            case 6 -> "économiste à " + pick(new String[]{"l'Insee", "la Banque de France", "l'OFCE"});
            default -> (female ? "adjointe" : "adjoint") + " au maire de " + city[0];
        };
    }

    /** "de la CGT", "du Medef", "de l'Insee", "de Météo-France". */
    private static String of(String[] organisation) {
        return switch (organisation[0]) {
            case "le " -> "du " + organisation[1];
            case "" -> "de " + organisation[1];
            default -> "de " + organisation[0] + organisation[1];
        };
    }

    private static String lemma(String cueWords) {
        String participle = cueWords.replaceFirst("^a (fait valoir|plaidé pour|\\S+).*$", "$1");
        if (participle.equals("fait valoir")) {
            return "faire valoir";
        }
        if (participle.equals("plaidé pour")) {
            return "plaider";
        }
        if (participle.equals("dit")) {
            return "dire";
        }
        if (participle.equals("reconnu")) {
            return "reconnaître";
        }
        if (participle.equals("prévenu")) {
            return "prévenir";
        }
        return participle.endsWith("é") ? participle.substring(0, participle.length() - 1) + "er" : participle;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The body being written, with the offsets of what was put in it. */
    private static final class Text {
        final StringBuilder body = new StringBuilder();
        final List<Mention> mentions = new ArrayList<>();
        final List<GeneratedQuote> quotes = new ArrayList<>();

        Text add(String s) {
            body.append(s);
            return this;
        }

        Text paragraph() {
            body.append("\n\n");
            return this;
        }

        private final java.util.Set<String> used = new java.util.HashSet<>();
        private final java.util.Set<Person> introduced = new java.util.HashSet<>();

        /** A sentence of the topic not used yet in this article, else a shared one, else any. */
        String fresh(Random random, String[] topical, String[] shared) {
            for (String[] pool : List.of(topical, shared)) {
                List<String> unused = java.util.Arrays.stream(pool).filter(s -> !used.contains(s)).toList();
                if (!unused.isEmpty()) {
                    String chosen = unused.get(random.nextInt(unused.size()));
                    used.add(chosen);
                    return chosen;
                }
            }
            return shared[random.nextInt(shared.length)];
        }

        boolean introduced(Person p) {
            return introduced.contains(p);
        }

        /** The full name. */
        Text person(Person p) {
            introduced.add(p);
            return mention(p.name(), "PER", p.key(), p.name());
        }

        Text surname(Person p) {
            return mention(p.last(), "PER", p.key(), p.name());
        }

        Text place(String city) {
            return mention(city, "LOC", "LOC:" + city.toLowerCase(Locale.ROOT), city);
        }

        Text org(String organisation) {
            return mention(organisation, "ORG", "ORG:" + organisation.toLowerCase(Locale.ROOT), organisation);
        }

        Text quote(String said, String type, String cue, Person speaker, String descriptor) {
            quotes.add(new GeneratedQuote(body.length(), body.length() + said.length(), said, type, cue, speaker, descriptor));
            body.append(said);
            return this;
        }

        private Text mention(String text, String type, String key, String name) {
            mentions.add(new Mention(body.length(), body.length() + text.length(), text, type, key, name));
            body.append(text);
            return this;
        }

        int words() {
            return body.toString().split("\\s+").length;
        }
    }

    /** Prints n articles (default 3) as NDJSON, the format of ingest's batch endpoint. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ArticleGenerator generator = new ArticleGenerator(args.length > 1 ? Long.parseLong(args[1]) : 1, 400);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        OffsetDateTime start = OffsetDateTime.parse("2025-01-06T08:00:00+01:00");
        for (int i = 0; i < n; i++) {
            Article a = generator.next(start.plusHours(i), 400, 800);
            System.out.println(json.writeValueAsString(java.util.Map.of("title", a.title(), "body", a.body(),
                    "source", a.source(), "language", "fr", "publishedAt", a.publishedAt().toString())));
        }
    }
}
