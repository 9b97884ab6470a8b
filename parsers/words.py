"""Word lists the actor and topic rules share (language facts, not tuning knobs)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD_PIECE = re.compile(r"\w+")
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
"""A word as names and phrases are read: a letter, then letters, digits, apostrophes, hyphens."""
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


def word_pieces(text: str) -> list[str]:
    """What ``re.findall(r"\\w+", text)`` gives; ASCII text (most text) is split in C, 2x faster."""
    if text.isascii():
        return text.translate(_ASCII_NON_WORD).split()
    return _WORD_PIECE.findall(text)

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at", "away", "back", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "early", "earlier", "either", "else", "enough", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "late", "later", "least", "less", "let", "like", "made", "make", "many", "may", "me", "meanwhile", "might", "more", "most", "much", "must", "my", "myself", "near", "nearly", "neither", "never", "new", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "rather", "really", "said", "same", "say", "says", "saying", "see", "seen", "several", "shall", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "today", "told", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes", "yet", "you", "your", "yours", "yourself", "yourselves", "already", "although", "amid", "among", "across", "also", "again", "according", "ahead", "along", "another", "anyway", "became", "become", "becomes", "came", "come", "comes", "get", "gets", "getting", "got", "go", "goes", "going", "gone", "great", "head", "instead", "keep", "kept", "know", "known", "largely", "look", "looks", "need", "needs", "new", "news", "part", "put", "quite", "recent", "recently", "seem", "seems", "set", "show", "shows", "take", "takes", "taken", "tell", "tells", "thing", "things", "think", "time", "times", "told", "took", "want", "wants", "way", "ways", "week", "weeks", "went", "year", "years", "day", "days", "month", "months", "morning", "evening", "night", "tonight", "tomorrow", "yesterday", "hour", "hours", "minute", "minutes", "first", "second", "third", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "it's", "that's", "there's", "he's", "she's", "we're", "they're", "i'm", "don't", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't", "let's"]
)

CAPITALISED_FUNCTION_WORDS = frozenset(
    ["A", "An", "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "In", "On", "At", "For", "But", "And", "Or", "Nor", "If", "When", "While", "After", "Before", "As", "So", "Yet", "Meanwhile", "However", "Earlier", "Later", "Also", "Still", "Even", "Now", "Then", "There", "Here", "What", "Who", "Why", "How", "Where", "Which", "Some", "Many", "Most", "More", "All", "Any", "Every", "Each", "No", "Not", "According", "Despite", "During", "Since", "Until", "Although", "Though", "Because", "Speaking", "Asked", "Expect", "Let", "Let's", "Good", "It's", "I'm", "We're", "They're", "There's", "That's", "Today", "Tonight", "Yesterday", "Tomorrow", "Overnight", "Elsewhere", "Separately", "Instead", "Indeed", "Finally", "First", "Second", "Third", "Last", "Next", "Another", "Other", "Both", "Neither", "Either", "Such", "Much", "Few", "Several", "Only", "Just", "Well", "Yes", "Oh", "Please", "Thank", "Thanks", "Hello", "Welcome", "Dear", "Alright", "Okay", "Hey", "Wow", "Yeah", "Sorry", "Congratulations", "Sources", "Officials", "Analysts", "Critics", "Experts", "Residents", "Witnesses", "Authorities", "Police", "Troops", "Forces", "Soldiers", "People", "Leaders", "Ministers", "Diplomats", "Protesters", "Lawmakers", "Voters", "Investors", "Observers", "Reports", "Update", "Updated", "Breaking", "Live", "Latest", "Watch", "Read", "See", "Listen", "Follow", "Sign", "Subscribe", "Share", "Photo", "Photograph", "Video", "Analysis", "Opinion", "Comment", "Editorial", "Explainer", "Summary", "Recap", "Background", "Context", "Note", "Correction", "Clarification"]
)

EXCLUDED_NAMES = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "BST", "GMT", "UTC", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT", "PST", "PDT", "JST", "AM", "PM", "Am", "Pm", "Euro", "Euros", "Dollar", "Dollars", "Pound", "Pounds", "Sterling", "Rouble", "Roubles", "Ruble", "Rubles", "Hryvnia", "Yen", "Yuan", "Bitcoin", "Christmas", "Easter", "Ramadan", "Eid", "Covid", "Covid-19", "Internet", "Twitter", "Facebook", "Instagram", "Telegram", "WhatsApp", "Whatsapp", "LinkedIn", "Xing", "Pinterest", "Reddit", "TikTok", "Snapchat", "Tumblr", "Flipboard", "YouTube", "Signal", "Zoom", "iPhone", "Android", "Windows", "Key", "Events", "Share", "Live", "God", "MPs", "MEPs", "MSPs", "MLAs", "TDs", "Peers", "Senators", "Lawmakers"]
)

TITLE_WORDS = frozenset(
    ["President", "Presidents", "Prime", "Minister", "Ministers", "Chancellor", "Secretary", "General", "Chief", "Commissioner", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Senator", "Sen", "Rep", "Representative", "Governor", "Gov", "Mayor", "Ambassador", "Foreign", "Defence", "Defense", "Interior", "Finance", "Economy", "Energy", "Deputy", "Vice", "Former", "Acting", "Speaker", "Judge", "Justice", "Gen", "Col", "Colonel", "Lieutenant", "Lt", "Admiral", "Adm", "Captain", "Capt", "Major", "Maj", "Sergeant", "Sgt", "Sheikh", "Emir", "Crown", "Archbishop", "Bishop", "Cardinal", "Rev", "Reverend", "Father", "Professor", "Prof", "Chairman", "Chairwoman", "Chair", "CEO", "Director", "Head", "Leader", "Spokesperson", "Spokesman", "Spokeswoman", "Envoy", "Special", "Opposition", "Premier", "Chief-of-staff", "Commander", "Marshal", "Field", "Health", "Trade", "Justice", "Home", "Culture", "Education", "Transport", "Climate", "Environment", "Agriculture", "Labour", "Security", "State", "Executive", "Managing", "Senior", "High", "Representative", "Attorney", "Affairs", "Comptroller", "Inspector", "Minister-President", "Majority", "Minority", "Whip", "Shadow", "Junior", "Assistant", "Associate", "Press", "Taoiseach", "Tánaiste", "Tanaiste", "Councillor", "Cllr", "Superintendent", "Supt", "Detective", "Sultan", "Ombudsman", "Bundeskanzler", "Kanzler", "Bundeskanzlerin", "Kanzlerin", "Bürgermeister", "Bürgermeisterin", "Ministerpräsident", "Ministerpräsidentin", "Premierminister"]
)

ROLE_WORDS = frozenset(
    ["president", "presidents", "minister", "ministers", "chancellor", "secretary", "chief", "commissioner", "leader", "leaders", "spokesperson", "spokesman", "spokeswoman", "envoy", "ambassador", "general", "governor", "mayor", "senator", "premier", "king", "queen", "prince", "princess", "pope", "head", "director", "chair", "chairman", "chairwoman", "ceo", "founder", "adviser", "advisor", "official", "officials", "negotiator", "diplomat", "commander", "counterpart", "correspondent", "editor", "reporter", "analyst", "economist", "mp", "mep", "lawmaker", "deputy", "speaker", "judge", "prosecutor", "candidate", "opponent", "rival", "successor", "predecessor", "forecaster", "meteorologist", "scientist", "researcher", "lawyer", "attorney", "activist", "strategist", "columnist", "historian", "professor", "campaigner", "commentator", "foreign", "defence", "defense", "energy", "finance", "interior", "health", "trade", "prime", "vice"]
)

ORGANISATION_WORDS = frozenset(
    ["Dispatch", "Gazette", "Ledger", "Tribune", "Chronicle", "Courier", "Examiner", "Inquirer", "Bulletin", "Sentinel", "Observer", "Monitor", "Council", "Commission", "Committee", "Party", "Parliament", "Ministry", "Department", "Agency", "Bank", "Union", "Forum", "Coalition", "Organisation", "Organization", "Institute", "University", "College", "School", "Court", "Government", "Office", "Fund", "Group", "Company", "Corporation", "Corp", "Inc", "Ltd", "Plc", "LLC", "Association", "Alliance", "League", "Leagues", "Ventures", "Army", "Navy", "Force", "Forces", "Guard", "Police", "Service", "Services", "Authority", "Board", "Bureau", "Centre", "Center", "Foundation", "Trust", "Network", "Federation", "Assembly", "Congress", "Senate", "Cabinet", "Administration", "Command", "Brigade", "Battalion", "Regiment", "Division", "Movement", "Front", "Society", "Club", "Church", "Airlines", "Airways", "Times", "Post", "News", "Press", "Media", "Journal", "Herald", "Telegraph", "Review", "Television", "Radio", "Broadcasting", "Exchange", "Reserve", "Treasury", "Secretariat", "Summit", "Conference", "Commissioner", "Mission", "Programme", "Program", "Initiative", "Project", "Council's", "Industries", "Holdings", "Energy", "Oil", "Gas", "Motors", "Labs", "Systems", "Technologies", "Partners", "Capital", "Investments", "Records", "Studios", "Pictures", "Air", "Logistics", "Shipping", "Railways", "Rail", "Steel", "Mining", "Pharma", "Pharmaceuticals", "Insurance", "Telecom", "Electric", "Electronics", "Foods", "Transit", "Transport", "Airlines", "Airways", "Ferries", "Trust", "Foundation", "Exchange", "Network", "Media", "News", "Utilities", "Wire", "Bar", "Pub", "Cafe", "Café", "Restaurant", "Hotel", "Inn", "Bakery", "Brewery", "Distillery", "Clinic", "Museum", "Library", "Theatre", "Theater", "Cinema", "Supermarket", "Pharmacy"]
)

SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "added", "argued", "insisted", "warned", "confirmed", "announced", "wrote", "posted", "called", "claimed", "stressed", "urged", "noted", "explained", "asked", "replied", "responded", "suggested", "accused", "denied", "admitted", "acknowledged", "declared", "vowed", "pledged", "promised", "threatened", "praised", "criticised", "criticized", "welcomed", "rejected", "repeated", "met", "spoke", "speaks", "visited", "signed", "travelled", "traveled", "arrived", "thinks", "believes", "wants", "expects", "hopes", "plans"]
)

ORGANISATION_CUES = frozenset(
    ["operator", "company", "firm", "group", "agency", "bank", "broker", "carrier", "airline", "maker", "producer", "utility", "insurer", "lender", "retailer", "manufacturer", "supplier", "exporter", "importer", "developer", "startup", "start-up", "giant", "conglomerate", "broadcaster", "newspaper", "publisher", "union", "party", "regulator", "ministry", "watchdog", "charity", "organisation", "organization", "network", "platform", "chain", "distributor", "refiner", "miner", "shipper"]
)
"""Words that introduce an organisation: "the grid operator Fingrid", "the carmaker Renault"."""

PLACE_WORDS = frozenset(
    ["Sea", "Ocean", "River", "Strait", "Straits", "Gulf", "Peninsula", "Desert", "Basin", "Valley", "Mountains", "Islands", "Island", "Coast", "Province", "Region", "County", "District", "Oblast", "Square", "Street", "Avenue", "Canal", "Plateau", "Heights", "Glacier", "Highlands", "Archipelago", "Corridor", "Estuary", "Harbour", "Harbor", "Bridge", "Dam", "Reservoir", "Point", "Sound", "Fjord", "Reef", "Forest", "Road", "Rd", "St", "Quay", "Boulevard", "Terrace", "Beach", "Airport", "Station"]
)
"""The last word of a name that is a place ("Barents Sea", "Verdan Basin")."""
PLACE_HEADS = frozenset(["Lake", "Mount", "Cape", "Isle", "Las", "Los", "San", "São", "Sankt", "Fort"])
"""The first word of a name that is a place ("Lake Ladoga", "Mount Elbrus", "Las Vegas",
"San Diego", "Fort Worth")."""
ORGANISATION_ENDINGS = frozenset(
    ["United", "Rovers", "Wanderers", "Athletic", "Hotspur", "Albion", "FC", "AFC", "House", "Images", "Pictures",
     "Publishers", "Publishing"]
)  # fmt: skip
"""The last word of a name that is an organisation, a club or a house ("Dundee United",
"Opera House", "Chatham House", "Getty Images"), not a person's surname."""
THING_ENDINGS = frozenset(
    ["Developer", "Developers", "Engineer", "Engineers", "Manager", "Edition", "Review", "Framework", "App",
     "Software", "Guidelines", "Tutorial", "Changelog", "Release", "Update", "Updates", "Notes", "Survey", "Editor",
     "Festival", "Medal", "Prize", "Award", "Awards", "Trophy"]
)  # fmt: skip
"""The last word of a run of capitals that names a job or a thing ("Full Stack Developer",
"App Manager", "Acer Aspire S7 Review", "Cannes Film Festival", "Presidential Medal"), not
someone."""
INTERFACE_WORDS = frozenset(
    ["Edit", "Print", "Login", "Logout", "Click", "Download", "Subscribe", "Unsubscribe", "Reply",
     "Enlarge", "Permalink", "Tweet", "Retweet", "Comments", "Menu", "Toggle", "Loading", "Sponsored",
     "Advertisement", "Desktop", "Settings"]
)  # fmt: skip
"""Words of a page's controls ("Edit Text", "Enlarge Photo"): a run of capitals holding one,
left in a page's text, names no one; nor does one opening with "View" ("View Author Page",
where "Mountain View" is a town)."""


def names_a_control(words: Sequence[str]) -> bool:
    """Whether a run of capitalised words is a page control's label left in its text ("Edit
    Text", "View Author Page", "View Comments"): one of ``INTERFACE_WORDS``, or "View" first
    (where "Mountain View" is a town). Such a run is no one's name and no byline."""
    return bool(words) and (words[0] == "View" or any(word in INTERFACE_WORDS for word in words))
