"""Word banks for synthetic regions: towns, MRCs, categories, business names and sentences."""

from __future__ import annotations

# (MRC name, [town names]) — plausible Québec place names, reused for any region size
MRCS = [
    ("Lac-Boréal", ["Val-Boréal", "Saint-Aubin-du-Lac", "Lac-Castagnier", "Rivière-Héva",
                    "Sainte-Gertrude", "Belcourt"]),
    ("Les Eskers", ["Amos-Nord", "Landrienne", "Barraute", "La Corne", "Launay",
                    "Trécesson", "Saint-Félix-de-Dalquier"]),
    ("Haute-Rivière", ["Rivière-Ouimet", "Ville-Marie-du-Lac", "Notre-Dame-du-Nord",
                       "Lorrainville", "Béarn", "Fugèreville", "Latulipe"]),
    ("Les Collines", ["La Sarre-Ouest", "Macamic", "Palmarolle", "Dupuy", "Normétal",
                      "Clerval", "Authier"]),
    ("Val-des-Mines", ["Malartic-Est", "Cadillac", "Senneterre-Sud", "Dubuisson",
                       "Vassan", "Louvicourt"]),
    ("Grand-Lac", ["Rouyn-Sud", "Evain", "Cloutier", "Arntfield", "Beaudry",
                   "Mont-Brun", "Granada"]),
]
# town weights: the first town of each MRC is its centre
CENTRE_WEIGHT, VILLAGE_WEIGHT = 12, 2

# (slug, fr, en, audiences, schema_type, name prefixes)
CATEGORIES = [
    ("restaurant", "Restaurant", "Restaurant", ["tourists", "workers", "students"],
     "Restaurant", ["Restaurant", "Bistro", "Chez", "Casse-croûte"]),
    ("cafe", "Café", "Coffee shop", ["tourists", "students", "workers"], "CafeOrCoffeeShop",
     ["Café", "Brûlerie"]),
    ("boulangerie", "Boulangerie", "Bakery", ["tourists", "workers"], "Bakery",
     ["Boulangerie", "Pâtisserie"]),
    ("epicerie", "Épicerie et dépanneur", "Grocery and convenience store", ["workers", "students"],
     "GroceryStore", ["Dépanneur", "Marché", "Épicerie"]),
    ("hebergement", "Hébergement", "Lodging", ["tourists", "workers"], "LodgingBusiness",
     ["Auberge", "Motel", "Gîte", "Chalets"]),
    ("plein-air", "Plein air et pourvoiries", "Outdoors and outfitters", ["tourists"],
     "SportsActivityLocation", ["Pourvoirie", "Camp", "Location"]),
    ("culture", "Culture et patrimoine", "Culture and heritage", ["tourists", "students"],
     "TouristAttraction", ["Musée", "Galerie", "Théâtre"]),
    ("services-miniers", "Services miniers", "Mining services", ["investors", "workers"],
     "ProfessionalService", ["Forage", "Services miniers", "Géophysique"]),
    ("genie-conseil", "Génie-conseil", "Engineering", ["investors", "workers"],
     "ProfessionalService", ["Génie-conseil", "Ingénierie"]),
    ("foresterie", "Foresterie et bois", "Forestry and wood", ["investors", "workers"],
     "LocalBusiness", ["Scierie", "Entreprise forestière", "Bois"]),
    ("transport", "Transport et logistique", "Transport and logistics", ["investors", "workers"],
     "LocalBusiness", ["Transport", "Camionnage"]),
    ("comptabilite", "Comptabilité et services-conseils", "Accounting and advisory",
     ["investors"], "AccountingService", ["Comptables", "Fiscalité"]),
    ("immobilier", "Immobilier et logement", "Real estate and housing",
     ["workers", "students", "investors"], "RealEstateAgent", ["Immeubles", "Habitations"]),
    ("garderie", "Services de garde", "Childcare", ["workers"], "ChildCare",
     ["Garderie", "CPE"]),
    ("sante", "Santé", "Health", ["workers", "students"], "MedicalBusiness",
     ["Clinique", "Pharmacie", "Physiothérapie"]),
    ("formation", "Formation et enseignement", "Education and training", ["students", "workers"],
     "EducationalOrganization", ["Centre de formation", "École"]),
    ("quincaillerie", "Quincaillerie et rénovation", "Hardware and renovation", ["workers"],
     "HardwareStore", ["Quincaillerie", "Rénovations"]),
    ("garage", "Garage et mécanique", "Garage and repairs", ["workers", "tourists"],
     "AutoRepair", ["Garage", "Mécanique"]),
]

SYLLABLES = ["ba", "lé", "ro", "ché", "tan", "mou", "ri", "ga", "pel", "vo", "dar", "lu", "ne",
             "sau", "tré", "gon", "bel", "cas", "mar", "tin", "vil", "lon", "po", "rê", "ber",
             "ques", "dau", "fon"]
FAMILY = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
          "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron",
          "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier"]
PLACES = ["du Lac", "Boréal", "des Eskers", "du Nord", "de la Rivière", "des Pins", "St-Jean",
          "Ste-Anne", "du Cuivre", "de l'Or", "des Bouleaux", "du Rang 4"]
STREETS = ["rue Principale", "1re Avenue Ouest", "avenue Larivière", "rue du Lac",
           "boulevard Rideau", "chemin des Pionniers", "3e Rue", "rue Perreault", "route 117",
           "rue Sainte-Anne", "avenue Dallaire", "rue Mercier"]
EXCHANGES = ["762", "764", "797", "825", "874", "732", "727", "629", "333", "339", "824"]
TAGS = ["local", "bio", "familial", "terrasse", "livraison", "emplois", "accessible",
        "ouvert-7-jours", "autochtone", "export", "durable", "nouveau"]

SENTENCES_FR = [
    "Entreprise familiale établie depuis plus de vingt ans dans la région.",
    "L'équipe accueille la clientèle en français et en anglais.",
    "Nous travaillons avec des producteurs et des fournisseurs d'ici.",
    "Service rapide, conseils personnalisés et prix justes.",
    "Stationnement gratuit et accès pour les personnes à mobilité réduite.",
    "Nous embauchons toute l'année : étudiants et travailleurs bienvenus.",
    "Un arrêt incontournable pour les visiteurs de passage sur la route 117.",
    "Nos installations ont été rénovées récemment pour mieux vous servir.",
    "Partenaire des entreprises minières et forestières de la région.",
    "Ouvert le soir et la fin de semaine en saison estivale.",
]
SENTENCES_EN = [
    "Family business established in the region for more than twenty years.",
    "The team welcomes customers in French and English.",
    "We work with local producers and suppliers.",
    "Fast service, personal advice and fair prices.",
    "Free parking and access for people with reduced mobility.",
    "We hire all year round: students and workers welcome.",
    "A must stop for visitors travelling along Highway 117.",
    "Our premises were recently renovated to serve you better.",
    "Partner of the region's mining and forestry companies.",
    "Open evenings and weekends in the summer season.",
]
PARAGRAPHS_FR = [
    "Au bout de la rue commence la forêt boréale, et l'hiver n'empêche personne de sortir.",
    "Les entreprises de la région recrutent, et l'accueil des nouveaux arrivants s'organise.",
    "Les lacs se comptent par centaines ; chacun a son histoire et ses habitués.",
    "Le coût du logement reste raisonnable, et les trajets se mesurent en minutes.",
    "Les festivals rythment l'été, de la musique émergente au cinéma international.",
    "Le cégep et l'université forment sur place aux métiers dont le territoire a besoin.",
]
PARAGRAPHS_EN = [
    "The boreal forest starts at the end of the street, and winter keeps no one indoors.",
    "Local businesses are hiring, and newcomers are welcomed with practical help.",
    "Lakes are counted by the hundreds; each has its own story and its regulars.",
    "Housing remains affordable, and commutes are measured in minutes.",
    "Festivals set the summer pace, from emerging music to international cinema.",
    "The college and the university train people locally for the jobs the region needs.",
]
STORY_THEMES = [
    ("Vivre à {town}", "Living in {town}"),
    ("Un hiver à {town}", "A winter in {town}"),
    ("Entreprendre à {town}", "Starting a business in {town}"),
    ("Étudier près de {town}", "Studying near {town}"),
    ("Les lacs autour de {town}", "The lakes around {town}"),
    ("Travailler dans les mines de {town}", "Working in the mines of {town}"),
]
AUTHORS = ["Camille Roy (fictive)", "Julien Pelletier (fictif)", "Nadia Lemay (fictive)",
           "Marc Gagnon (fictif)"]
