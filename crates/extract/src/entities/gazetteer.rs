//! Word lists compiled into the crate: places, nationalities, given names, organisation and
//! place cue words, person titles, and the capitalised words that are never entities.
//!
//! Lists are kept as `|`-separated strings and turned into hash sets once ([`OnceLock`]).
//! Matching is case-sensitive for names (as written in news text) unless a function says
//! otherwise.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Countries, regions, cities and other places (a few hundred common ones).
const PLACES: &str = "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|\
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|\
Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|\
Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|\
El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|\
Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|\
Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|\
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|\
Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|Holland|New Zealand|\
Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|\
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|\
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|\
South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|\
Trinidad|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|\
England|Scotland|Wales|Northern Ireland|United States|United States of America|U.S.|U.S.A.|US|USA|America|Uruguay|\
Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|Korea|Vatican|\
Chechnya|Chechen Republic|Chechnya Republic|Grozny|Dagestan|Ingushetia|Ossetia|South Ossetia|Abkhazia|Crimea|Siberia|\
Caucasus|North Caucasus|Tatarstan|Kaliningrad|Donbas|Donetsk|Luhansk|Transnistria|Nagorno-Karabakh|Kurdistan|Kashmir|\
Tibet|Xinjiang|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Golan Heights|Sinai|Catalonia|Basque Country|Bavaria|\
Flanders|Wallonia|Corsica|Sicily|Sardinia|Europe|Asia|Africa|North America|South America|Latin America|Antarctica|\
Oceania|Middle East|Balkans|Baltics|Scandinavia|Caribbean|Mediterranean|Atlantic|Pacific|Arctic|Persian Gulf|\
Black Sea|Caspian Sea|Red Sea|Alaska|Alabama|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|\
Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|\
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|\
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|\
Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Queensland|Victoria|\
Moscow|St Petersburg|St. Petersburg|Saint Petersburg|Novosibirsk|Yekaterinburg|Kazan|Sochi|Volgograd|Vladivostok|\
Rostov|Makhachkala|Nalchik|Beslan|Argun|Gudermes|London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|\
Cardiff|Belfast|Dublin|Bristol|Oxford|Cambridge|Paris|Marseille|Lyon|Nice|Berlin|Munich|Hamburg|Frankfurt|Cologne|\
Bonn|Vienna|Zurich|Geneva|Bern|Brussels|Amsterdam|Rotterdam|The Hague|Madrid|Barcelona|Seville|Valencia|Lisbon|Porto|\
Rome|Milan|Naples|Turin|Florence|Venice|Athens|Istanbul|Ankara|Warsaw|Krakow|Prague|Budapest|Bucharest|Sofia|Belgrade|\
Zagreb|Sarajevo|Ljubljana|Bratislava|Kiev|Kyiv|Minsk|Vilnius|Riga|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|\
Reykjavik|Tbilisi|Yerevan|Baku|Tehran|Baghdad|Damascus|Aleppo|Beirut|Amman|Jerusalem|Tel Aviv|Haifa|Cairo|Riyadh|\
Jeddah|Mecca|Doha|Dubai|Abu Dhabi|Kabul|Islamabad|Karachi|Lahore|Delhi|New Delhi|Mumbai|Bombay|Kolkata|Calcutta|\
Bangalore|Chennai|Dhaka|Colombo|Kathmandu|Beijing|Shanghai|Guangzhou|Shenzhen|Wuhan|Tokyo|Osaka|Kyoto|Seoul|\
Pyongyang|Taipei|Manila|Jakarta|Bangkok|Hanoi|Saigon|Ho Chi Minh City|Kuala Lumpur|Sydney|Melbourne|Brisbane|Perth|\
Auckland|Wellington|Washington|Washington D.C.|Chicago|Los Angeles|San Francisco|Boston|Philadelphia|Houston|Dallas|\
Miami|Atlanta|Seattle|Detroit|Denver|Las Vegas|New Orleans|Baltimore|Pittsburgh|Cleveland|Toronto|Montreal|\
Vancouver|Ottawa|Mexico City|Havana|Bogota|Caracas|Lima|Santiago|Buenos Aires|Montevideo|Rio de Janeiro|Sao Paulo|\
Brasilia|Lagos|Abuja|Nairobi|Addis Ababa|Johannesburg|Cape Town|Pretoria|Kinshasa|Khartoum|Tripoli|Tunis|Algiers|\
Casablanca|Rabat|Dakar|Accra|Harare|Kampala|Mogadishu|Sanaa|Aden|Muscat|Kandahar|Chernobyl|Almaty|Astana|Tashkent|\
Bishkek|Dushanbe|Ashgabat|Chisinau|Skopje|Tirana|Podgorica|Pristina|Nicosia|Valletta|Monte Carlo|Hollywood|Manhattan|\
Brooklyn|Westminster|Bayswater|Silicon Valley|Wall Street";

/// Nationalities, demonyms and religious or ethnic group adjectives, with the place each
/// belongs to (empty when none). Plurals are derived (`Russian` → `Russians`).
const DEMONYMS: &str = "Afghan:Afghanistan|Albanian:Albania|Algerian:Algeria|American:America|Argentine:Argentina|\
Argentinian:Argentina|Armenian:Armenia|Australian:Australia|Austrian:Austria|Azerbaijani:Azerbaijan|Azeri:Azerbaijan|\
Bangladeshi:Bangladesh|Belarusian:Belarus|Belgian:Belgium|Bolivian:Bolivia|Bosnian:Bosnia|Brazilian:Brazil|\
British:Britain|Briton:Britain|Bulgarian:Bulgaria|Cambodian:Cambodia|Canadian:Canada|Chechen:Chechnya|\
Chechnyan:Chechnya|Chilean:Chile|Chinese:China|Colombian:Colombia|Croatian:Croatia|Croat:Croatia|Cuban:Cuba|\
Cypriot:Cyprus|Czech:Czechia|Danish:Denmark|Dane:Denmark|Dutch:Netherlands|Ecuadorian:Ecuador|Egyptian:Egypt|\
English:England|Eritrean:Eritrea|Estonian:Estonia|Ethiopian:Ethiopia|Filipino:Philippines|Finnish:Finland|Finn:Finland|\
French:France|Georgian:Georgia|German:Germany|Ghanaian:Ghana|Greek:Greece|Haitian:Haiti|Hungarian:Hungary|\
Icelandic:Iceland|Indian:India|Indonesian:Indonesia|Iranian:Iran|Iraqi:Iraq|Irish:Ireland|Israeli:Israel|Italian:Italy|\
Jamaican:Jamaica|Japanese:Japan|Jordanian:Jordan|Kazakh:Kazakhstan|Kenyan:Kenya|Korean:Korea|Kosovar:Kosovo|\
Kuwaiti:Kuwait|Kyrgyz:Kyrgyzstan|Latvian:Latvia|Lebanese:Lebanon|Libyan:Libya|Lithuanian:Lithuania|\
Luxembourgish:Luxembourg|Macedonian:Macedonia|Malaysian:Malaysia|Maltese:Malta|Mexican:Mexico|Moldovan:Moldova|\
Mongolian:Mongolia|Montenegrin:Montenegro|Moroccan:Morocco|Nepalese:Nepal|Nigerian:Nigeria|Norwegian:Norway|\
Pakistani:Pakistan|Palestinian:Palestine|Peruvian:Peru|Polish:Poland|Pole:Poland|Portuguese:Portugal|Qatari:Qatar|\
Romanian:Romania|Russian:Russia|Rwandan:Rwanda|Saudi:Saudi Arabia|Scottish:Scotland|Scot:Scotland|Senegalese:Senegal|\
Serbian:Serbia|Serb:Serbia|Singaporean:Singapore|Slovak:Slovakia|Slovenian:Slovenia|Somali:Somalia|Spanish:Spain|\
Spaniard:Spain|Sri Lankan:Sri Lanka|Sudanese:Sudan|Swedish:Sweden|Swede:Sweden|Swiss:Switzerland|Syrian:Syria|\
Taiwanese:Taiwan|Tajik:Tajikistan|Thai:Thailand|Tunisian:Tunisia|Turkish:Turkey|Turk:Turkey|Turkmen:Turkmenistan|\
Ugandan:Uganda|Ukrainian:Ukraine|Uruguayan:Uruguay|Uzbek:Uzbekistan|Venezuelan:Venezuela|Vietnamese:Vietnam|\
Welsh:Wales|Yemeni:Yemen|Zambian:Zambia|Zimbabwean:Zimbabwe|Soviet:Soviet Union|Yugoslav:Yugoslavia|\
Dagestani:Dagestan|Ingush:Ingushetia|Ossetian:Ossetia|Tatar:Tatarstan|Kurdish:Kurdistan|Kurd:Kurdistan|\
Tibetan:Tibet|Uighur:Xinjiang|Uyghur:Xinjiang|Catalan:Catalonia|Basque:Basque Country|Bavarian:Bavaria|\
Flemish:Flanders|Sicilian:Sicily|European:Europe|Asian:Asia|African:Africa|Arab:|Arabic:|Caucasian:Caucasus|\
Scandinavian:Scandinavia|Baltic:|Balkan:Balkans|Latin American:Latin America|Muscovite:Moscow|Londoner:London|\
Parisian:Paris|Berliner:Berlin|Texan:Texas|Californian:California|Muslim:|Moslem:|Christian:|Catholic:|\
Protestant:|Orthodox:|Jewish:|Jew:|Hindu:|Sikh:|Buddhist:|Sunni:|Shia:|Shiite:|Islamic:|Zionist:|Kiwi:New Zealand|\
Aussie:Australia|Yankee:America|Cossack:|Roma:|Sami:|Pashtun:|Hazara:|Alawite:|Druze:|Yazidi:|Bedouin:|Berber:";

/// Common given names across languages; `m:` and `f:` sections give the gender when clear.
const MALE_NAMES: &str = "Aaron|Abdul|Abdullah|Adam|Adrian|Ahmed|Ahmad|Akhmad|Alan|Albert|Aleksandr|Aleksei|Alexei|\
Alexey|Alexander|Alexandre|Alex|Alfred|Ali|Alistair|Amir|Anatoly|Andre|Andrea|Andreas|Andrei|Andrey|Andrew|Andy|\
Angelo|Anthony|Antonio|Anton|Arkady|Armen|Arnold|Arsen|Arthur|Artem|Artyom|Barack|Bashar|Ben|Benjamin|Bernard|Bill|\
Bob|Bogdan|Boris|Boyko|Brad|Brian|Bruce|Bruno|Carl|Carlos|Charles|Chris|Christian|Christopher|Colin|Craig|Daniel|\
Danny|Dario|Dave|David|Denis|Dennis|Diego|Dmitri|Dmitry|Dmitriy|Donald|Dzhokhar|Eddie|Edward|Emmanuel|Enrique|\
Eric|Erik|Ernesto|Evgeny|Evgeni|Fabio|Felix|Fernando|Filip|Francesco|Francis|Francisco|Frank|Franz|Fred|Frederick|\
Gary|Gennady|George|Georgy|Gerhard|Giorgio|Giovanni|Giuseppe|Gordon|Grant|Greg|Gregory|Grigory|Guillaume|Gustav|Hamish|\
Hans|Harold|Harry|Hassan|Hector|Heinz|Helmut|Henri|Henry|Hugh|Hugo|Hussein|Ian|Ibrahim|Igor|Ilya|Imran|Isaac|Ivan|\
Jack|Jacob|Jacques|James|Jamie|Jan|Jason|Javier|Jean|Jeff|Jeffrey|Jeremy|Jerry|Jim|Jimmy|Joachim|Joe|Johan|Johann|\
John|Johnny|Jonathan|Jorge|Jose|Josef|Joseph|Juan|Julian|Jurgen|Karl|Keith|Ken|Kenneth|Kevin|Khalid|Kirill|Klaus|\
Konstantin|Kurt|Lars|Lee|Leonid|Lev|Liam|Lorenzo|Louis|Luca|Lucas|Luis|Luke|Magomed|Mahmoud|Manuel|Marat|Marc|Marco|\
Marcus|Mario|Mark|Martin|Massimo|Matteo|Matthew|Maurice|Max|Maxim|Michael|Michel|Miguel|Mikhail|Mike|Mohamed|\
Mohammad|Mohammed|Muhammad|Murat|Musa|Mustafa|Nasser|Neil|Nicholas|Nick|Nicolas|Nikita|Nikolai|Nikolay|Noah|Oleg|\
Oliver|Omar|Oscar|Osama|Pablo|Paolo|Pascal|Patrick|Paul|Pavel|Pedro|Peter|Petr|Petro|Philip|Philippe|Pierre|Pyotr|\
Rafael|Ralph|Ramzan|Raul|Ray|Recep|Richard|Rick|Robert|Roberto|Robin|Roger|Roman|Ronald|Rudolf|Ruslan|Ryan|Said|\
Salman|Sam|Samuel|Scott|Sean|Sebastian|Sergei|Sergey|Sergio|Simon|Stanislav|Stefan|Stephen|Steve|Steven|Stuart|\
Sultan|Sven|Tariq|Ted|Theo|Thomas|Tim|Timothy|Tom|Tony|Umar|Valentin|Valery|Vasily|Viktor|Victor|Vincent|Vitaly|\
Vladimir|Vladislav|Vyacheslav|Walter|Wayne|Werner|William|Wolfgang|Xavier|Yaroslav|Yevgeny|Yuri|Yury|Zaur|Zelimkhan";

const FEMALE_NAMES: &str = "Agnes|Aisha|Alena|Alexandra|Alice|Alina|Alla|Amanda|Amy|Ana|Anastasia|Angela|Angelina|\
Anita|Ann|Anna|Anne|Antonia|Barbara|Beatrice|Catherine|Charlotte|Chloe|Christina|Christine|Claire|Clara|Claudia|\
Daria|Darya|Diana|Dilnoza|Ekaterina|Elena|Elizabeth|Ella|Ellen|Elsa|Emily|Emma|Eva|Evgenia|Fatima|Galina|Hannah|\
Heather|Helen|Helena|Hillary|Ilona|Inna|Irina|Isabel|Isabella|Jane|Janet|Jennifer|Jessica|Julia|Julie|Karen|Kate|\
Katherine|Kathleen|Kira|Ksenia|Larisa|Laura|Lena|Linda|Lisa|Lucy|Ludmila|Lyudmila|Madina|Margaret|Maria|Marie|\
Marina|Martha|Mary|Maya|Melissa|Michelle|Milana|Nadezhda|Nancy|Natalia|Natalya|Nathalie|Nicola|Nicole|Nikki|Nina|\
Olga|Patricia|Paula|Polina|Rachel|Rebecca|Rosa|Ruth|Sandra|Sarah|Sara|Sharon|Sofia|Sophie|Stephanie|Susan|Svetlana|\
Tamara|Tanya|Tatiana|Tatyana|Theresa|Valentina|Valeria|Vera|Victoria|Xenia|Yana|Yekaterina|Yelena|Yulia|Zarema|Zoe|\
Angela|Theresa|Marine|Ursula|Nicola|Jacinda|Benazir|Indira|Golda";

/// Organisations known by name.
const KNOWN_ORGS: &str = "United Nations|UN|U.N.|European Union|EU|NATO|Human Rights Watch|HRW|Amnesty International|\
Amnesty|Novaya Gazeta|Haaretz|MailOnline|Daily Mail|Mail Online|BuzzFeed|BuzzFeed News|ABC News|ABC|BBC|CNN|NBC|CBS|\
Fox News|Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|Guardian|The Guardian|The Times|The Independent|\
The Telegraph|New York Times|Washington Post|Wall Street Journal|Financial Times|Economist|Facebook|Twitter|\
Instagram|YouTube|Google|Apple|Microsoft|Amazon|Kremlin|White House|Pentagon|State Department|Foreign Office|\
Home Office|Downing Street|Interfax|TASS|Itar-Tass|RIA Novosti|Sputnik|RT|Gazprom|Rosneft|Red Cross|Interpol|FBI|\
CIA|KGB|FSB|NSA|IMF|World Bank|WHO|UNESCO|UNICEF|UNHCR|OSCE|Council of Europe|European Commission|\
European Parliament|Security Council|Congress|Senate|Duma|State Duma|Supreme Court|Hamas|Hezbollah|Taliban|\
Al-Qaeda|Al Qaeda|Islamic State|ISIS|ISIL|UEFA|FIFA|IOC|OPEC|WTO|Labour|Conservative Party|Democratic Party|\
Republican Party|Memorial|Stonewall|Greenpeace|Oxfam|GLAAD|ILGA|PinkNews|Vice|Buzzfeed|Meduza|Kommersant|Izvestia|\
Vedomosti|Pravda|Gay Star News|Human Rights Campaign|International Crisis Group|Crisis Group|Nazi Party";

/// Large companies, airlines, banks and central banks that current news names bare
/// ("Boeing", "Ryanair", "Chrysler"): a 1996 newswire model types many of them as people or
/// MISC. Only names that are companies in almost every use (no "Target", "Delta", "Total").
const KNOWN_COMPANIES: &str = "Boeing|Airbus|EADS|Embraer|Bombardier|Lockheed Martin|Northrop Grumman|Raytheon|BAE Systems|Rolls-Royce|\
General Dynamics|Lufthansa|Air France|KLM|Air France-KLM|British Airways|Ryanair|easyJet|EasyJet|Aer Lingus|Aeroflot|\
Qantas|Emirates|Etihad|Cathay Pacific|Delta Air Lines|United Airlines|American Airlines|Southwest Airlines|\
General Motors|GM|Ford|Ford Motor|Chrysler|DaimlerChrysler|Daimler|Fiat|Toyota|Honda|Nissan|Volkswagen|VW|BMW|\
Mercedes-Benz|Renault|Peugeot|Citroen|Hyundai|Kia|Tesla|Volvo|Opel|Vauxhall|Saab|Stellantis|Mitsubishi|\
Intel|IBM|Samsung|Sony|Nokia|Dell|Hewlett-Packard|HP|Oracle|Cisco|Netflix|Uber|Spotify|Tencent|Alibaba|Huawei|\
Xiaomi|Nvidia|AMD|Qualcomm|Motorola|Ericsson|Siemens|Philips|Adobe|Yahoo|eBay|PayPal|SpaceX|OpenAI|TikTok|\
ByteDance|Snapchat|LinkedIn|WhatsApp|Airbnb|Wikipedia|Wikimedia|Wikinews|AT&T|Verizon|Vodafone|T-Mobile|\
Goldman Sachs|JPMorgan|JPMorgan Chase|JP Morgan|Citigroup|Citibank|Bank of America|Morgan Stanley|Merrill Lynch|\
Lehman Brothers|Barclays|HSBC|UBS|Credit Suisse|Deutsche Bank|Wells Fargo|BNP Paribas|Santander|Northern Rock|\
Fannie Mae|Freddie Mac|AIG|Bear Stearns|Washington Mutual|BlackRock|Walmart|Wal-Mart|Tesco|Best Buy|Costco|\
Carrefour|IKEA|McDonald's|Starbucks|Coca-Cola|PepsiCo|Nestle|Nestlé|Unilever|Procter & Gamble|ExxonMobil|Exxon|\
Shell|Royal Dutch Shell|BP|Chevron|Disney|Walt Disney|Warner Bros|Time Warner|News Corp|Federal Reserve|\
European Central Bank|ECB|Bank of England|Bank of Japan|NYSE|New York Stock Exchange|London Stock Exchange";

/// Words that make a capitalised sequence an organisation.
const ORG_CUES: &str = "Network|Council|Committee|Gazeta|News|Watch|Group|International|Ministry|Embassy|Party|\
Agency|Times|Post|Guardian|Haaretz|Amnesty|University|Inc|Corp|Corporation|Bank|Company|Co|Ltd|LLC|Plc|plc|\
Association|Foundation|Institute|Commission|Organisation|Organization|Union|Department|Office|Court|Church|Army|\
Police|Service|Services|Society|Federation|League|Club|Fund|Trust|Board|Bureau|Center|Centre|College|School|Academy|\
Museum|Assembly|Parliament|Senate|Congress|Duma|Authority|Alliance|Coalition|Front|Movement|Brotherhood|Airlines|\
Airways|Telegraph|Herald|Tribune|Journal|Gazette|Press|Radio|Television|Channel|Magazine|Review|Monitor|Observer|\
Express|Mirror|Mail|Online|Media|Holdings|Industries|Systems|Technologies|Motors|Procedures|Secretariat|Command|\
Forces|Navy|Cabinet|Government|Administration|Tribunal|Exchange|Reserve|Partners|Consulate|Mission|Directorate|\
Prosecutor's|Prosecutors|Campaign|Project|Initiative|Collective|Brigade|Battalion|Regiment|Guard|Guards|Hospital|\
Clinic|Caucus|Commissariat|Unit|Team|Records|Studios|Entertainment|Pictures|Group's|Airport|FC|AG|SA|GmbH";

/// Words that make a capitalised sequence (ending in them) a place.
const PLACE_CUES: &str = "Republic|Street|Road|Avenue|Lane|Square|River|Mountains|Mountain|Island|Islands|Sea|Ocean|\
Province|Region|County|Valley|Lake|Bay|Gulf|Oblast|Krai|District|Peninsula|Desert|Strait|Park|Bridge|Coast|Heights|\
Highlands|Plain|Plains|Canyon|Falls|Village|Town|Territory|Territories|State|Prefecture|Emirate";

/// Direction words that may precede a place ("Central Russia", "Northern Ireland").
const DIRECTIONS: &str = "North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|\
Northeast|Northwest|Southeast|Southwest|Northeastern|Northwestern|Southeastern|Southwestern|Inner|Outer";

/// Capitalised titles that precede a person's name ("President Vladimir Putin").
const TITLES: &str = "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice|Prime|Minister|Premier|\
Chancellor|King|Queen|Prince|Princess|Pope|Rev|Reverend|Father|Senator|Sen|Rep|Congressman|Congresswoman|Governor|\
Gov|Mayor|General|Gen|Colonel|Col|Captain|Capt|Lieutenant|Lt|Sergeant|Sgt|Admiral|Judge|Justice|Ambassador|Chairman|\
Chairwoman|Chairperson|Secretary|Spokesman|Spokeswoman|Spokesperson|Presidential|Foreign|Deputy|Chief|Director|\
Commissioner|Coach|Sheikh|Ayatollah|Imam|Archbishop|Bishop|Cardinal|Rabbi|Patriarch|Emir|Crown|Inspector|Detective|\
Officer|Ombudsman|Mufti|Defence|Defense|Interior|Justice|Health|Finance|Economy|Foreign|Home|Attorney|Prosecutor|\
Leader|Opposition|Head|Executive|Commander|Marshal|Major";

/// Lower-case role nouns that, placed right before a name, make it a person.
const PERSON_CUES: &str = "president|minister|premier|chancellor|spokesperson|spokesman|spokeswoman|journalist|\
leader|official|ambassador|chairman|chairwoman|secretary|director|founder|chief|commander|senator|governor|mayor|\
judge|prosecutor|activist|lawyer|attorney|reporter|editor|writer|author|singer|actor|actress|striker|midfielder|\
defender|goalkeeper|coach|manager|player|captain|champion|dissident|envoy|diplomat|aide|adviser|advisor|colleague|\
economist|analyst|researcher|professor|scientist|doctor|spokesmen|officer|deputy|mufti|imam|priest|blogger|\
businessman|businesswoman|billionaire|oligarch|general|colonel|lieutenant|sergeant|detective|inspector|\
commissioner|ombudsman|representative|candidate|rival|opponent|wife|husband|son|daughter|brother|sister|mother|\
father|pilot|rider|driver|batsman|bowler|winger|forward|playmaker|keeper|skipper|teammate|compatriot|opener|seed";

/// Capitalised words that are never entities on their own (month and weekday names, holidays,
/// pronouns, interjections).
const NEVER: &str = "January|February|March|April|May|June|July|August|September|October|November|December|\
Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|\
Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|I|Ramadan|Christmas|Easter|Eid|Hanukkah|Passover|Halloween|Diwali|\
Today|Tonight|Yesterday|Tomorrow|OK|Oh|Yes|No|God|Internet|Web|St|AM|PM|Am|Pm";

/// Upper-case words that are not entities (common acronyms and shouted words).
const NON_ENTITY_ACRONYMS: &str = "LGBT|LGBTQ|LGBTI|LGBTIQ|LGBTQI|LGBTQIA|GLBT|TV|CEO|CFO|COO|CTO|OK|AM|PM|GMT|BST|UTC|\
EST|PST|CET|DNA|HIV|AIDS|PDF|FAQ|ID|IT|II|III|IV|VI|VII|VIII|IX|XI|XII|VIP|USB|SMS|GDP|CCTV|RIP|LOL|PS|NB|NO|YES|NOT|\
AND|THE|FOR|OF|TO|IN|ON|AT|BY|OR|IS|IT|BE|WE|HE|SHE|ALL|NEW|NOW|UP|MP|MPs|PR|HQ|DIY|ASAP|FYI|CV|PhD|BA|MA|MSc|BSc|\
KM|KG|MPH|UFO|POW|AKA|ETA|DJ|MC|PC|IQ|ICU|ER|GP|NHS|VAT|ISBN|URL|HTML|API|AI|VR|RSVP|ATM|PIN|SUV|PVC|LED|LCD|GPS|ADHD|\
PTSD|COVID|SARS|HPV|STD|STI|PrEP|PEP|UV|IVF|NGO|NGOs|OMG|WTF|BREAKING|UPDATE|WATCH|READ|MORE|PHOTOS|VIDEO|EXCLUSIVE|\
PEACEFUL|LEGAL|A|I|X|V|LT|RBI|ERA|NHL|NBA|NFL|MLB|HR|AB|H|R|W|L|D|F|GS|GA|CS|DH";

/// Common words that may start a sentence capitalised and are not names.
const COMMON_INITIAL: &str = "Despite|Meanwhile|However|Moreover|Furthermore|Although|Though|Since|Last|Next|This|\
That|These|Those|Earlier|Later|Yet|Still|Also|Even|Only|Just|Many|Most|Some|Several|Few|More|Much|Such|Each|Every|\
Both|Either|Neither|Another|Other|Others|Instead|Indeed|Thus|Hence|Therefore|Here|There|Now|Then|Once|While|When|\
Where|Why|How|What|Which|Who|Whose|Whom|Whether|If|Unless|Until|Because|As|After|Before|During|Among|Amid|Against|\
Across|Along|Around|Behind|Beside|Besides|Beyond|Within|Without|Under|Over|Above|Below|Between|Through|Throughout|\
Toward|Towards|Upon|Like|Unlike|Near|Outside|Inside|According|Asked|Speaking|Reports|Report|Reporting|Witness|\
Witnesses|Victims|Survivors|Police|Officials|Authorities|Organisers|Organizers|Journalists|Activists|Critics|\
Experts|Residents|People|Men|Women|Children|Families|Relatives|Protesters|Protestors|Campaigners|Sources|Petition|\
Horrifying|Following|Nothing|Everything|Something|Anything|Everyone|Someone|Anyone|Nobody|Everybody|Somebody|Anybody|\
Please|Thank|Thanks|Note|Read|Watch|See|Look|Click|Share|Sign|Join|Stop|Take|Carry|Stand|Make|Let|Get|Go|Come|Keep|\
Bring|Help|End|Free|Save|Support|Vote|Tell|Ask|Call|Find|Give|Show|Meet|New|Old|Big|Small|Great|Good|Bad|Best|Worst|\
First|Second|Third|Fourth|Fifth|Final|Last|Early|Late|Recent|Previous|Former|Current|Several|Numerous|Various|\
Senior|Junior|Local|National|Federal|Regional|Official|Officially|Under|Over|Up|Down|Out|Off|All|Any|Almost|About|\
Around|Perhaps|Maybe|Certainly|Clearly|Obviously|Apparently|Reportedly|Allegedly|Initially|Finally|Eventually|\
Currently|Recently|Previously|Already|Again|Always|Never|Often|Sometimes|Usually|Today|Tonight|Yesterday|\
Tomorrow|Ahead|Back|Away|Together|Alone|Overall|Altogether|Additionally|Similarly|Likewise|Otherwise|Nonetheless|\
Nevertheless|Regardless|Consequently|Accordingly|Elsewhere|Separately|Together|Gay|Lesbian|Bisexual|Transgender|\
Homosexual|Homosexuality|Legal|Illegal|Country|\
Teen|Teenager|Man|Woman|Boy|Girl|Mother|Father|Son|Daughter|Brother|Sister|Friend|Friends|Neighbours|Neighbors|\
Detainees|Prisoners|Inmates|Soldiers|Troops|Fighters|Rebels|Militants|Military|\
Judges|Lawyers|Doctors|Nurses|Teachers|Students|Workers|Voters|Fans|Users|Readers|Viewers|Members|Leaders|Ministers|\
Diplomats|Analysts|Researchers|Scientists|Investigators|Prosecutors|Officers|Guards|Staff|Employees|Companies|Firms|\
Banks|Markets|Shares|Stocks|Prices|Sales|Profits|Revenue|Earnings|Growth|Inflation|Unemployment|Exports|Imports|\
Democracy|Freedom|Justice|Peace|War|Violence|Torture|Abuse|Murder|Killings|Deaths|Arrests|Detention|\
Evidence|Information|Details|News|Statement|Letter|Document|Documents|Photos|Pictures|Video|Footage|Images|\
Accounts|Stories|Claims|Allegations|Rumours|Rumors|Testimonies|Testimony|Interviews|Sources|Records|Data|Figures|\
Numbers|Estimates|Research|Studies|Surveys|Polls|Results|Scores|Goals|Points|Wins|Losses|Draws|Matches|Games|\
Play|Played|Playing|Won|Lost|Beat|Beaten|Scored|Said|Says|Told|Added|Asked|Wrote|Was|Were|Is|Are|Has|Have|Had|Will|\
Would|Could|Should|Can|May|Might|Must|Shall|Do|Does|Did|Not|Neither|Nor|Either|Or|And|But|So|For|Yet|Of|In|On|At|To|By|\
With|From|Into|Onto|Off|Out|Per|Via|Re|Vs|Versus|Plus|Minus|Including|Excluding|Regarding|Concerning|Considering|\
Given|Provided|Assuming|Whereas|Although|Whilst|Amidst|Amongst";

fn set(list: &'static str) -> HashSet<&'static str> {
    list.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn cached(
    cell: &'static OnceLock<HashSet<&'static str>>,
    list: &'static str,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| set(list))
}

/// True for a known place name as written ("Grozny", "United States", "U.S.").
pub fn is_place(name: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, PLACES).contains(name)
}

fn demonyms() -> &'static HashMap<String, &'static str> {
    static M: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = HashMap::new();
        for item in DEMONYMS.split('|') {
            let Some((word, place)) = item.trim().split_once(':') else {
                continue;
            };
            m.insert(word.to_string(), place);
            // Plurals: Russians, Israelis, Chechens; not for -ese/-ish/-ch/-sh/-ss words.
            let no_plural = ["ese", "ish", "ch", "sh", "ss", "ic", "Swiss"]
                .iter()
                .any(|suf| word.ends_with(suf));
            if !no_plural {
                m.insert(format!("{word}s"), place);
            }
        }
        m
    })
}

/// True for a nationality, demonym or group adjective, singular or plural ("Russian",
/// "Chechens", "Muslim").
pub fn is_demonym(word: &str) -> bool {
    demonyms().contains_key(word)
}

/// True for a country or region a demonym belongs to ("Russia", "Europe"), or a common
/// name of the United States or the United Kingdom ("US", "U.K.", "United States").
pub fn is_country(name: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    const OTHER_NAMES: &str =
        "US|U.S.|USA|U.S.A.|United States|United States of America|UK|U.K.|United Kingdom";
    cached(&S, OTHER_NAMES).contains(name) || demonyms().values().any(|&p| p == name)
}

/// The place a demonym belongs to ("Russian" → "Russia"), when there is one.
pub fn demonym_place(word: &str) -> Option<&'static str> {
    demonyms().get(word).copied().filter(|p| !p.is_empty())
}

/// Gender of a known given name: `Some(true)` female, `Some(false)` male, `None` unknown.
pub fn given_name_gender(word: &str) -> Option<bool> {
    static F: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static M: OnceLock<HashSet<&'static str>> = OnceLock::new();
    if cached(&F, FEMALE_NAMES).contains(word) {
        Some(true)
    } else if cached(&M, MALE_NAMES).contains(word) {
        Some(false)
    } else {
        None
    }
}

/// True for a known given name ("Dmitry", "Svetlana").
pub fn is_given_name(word: &str) -> bool {
    given_name_gender(word).is_some()
}

/// True for an organisation known by name ("Human Rights Watch", "Novaya Gazeta").
pub fn is_known_org(name: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static C: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, KNOWN_ORGS).contains(name) || cached(&C, KNOWN_COMPANIES).contains(name)
}

/// True for a word that marks an organisation name ("Network", "Committee").
pub fn is_org_cue(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, ORG_CUES).contains(word)
}

/// True for a word that, last in a name, marks a place ("Road", "Republic").
pub fn is_place_cue(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, PLACE_CUES).contains(word)
}

/// True for a compass or size word that may precede a place ("Central", "Northern").
pub fn is_direction(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, DIRECTIONS).contains(word)
}

/// True for a capitalised title before a name ("President", "Mr", "Spokesman").
pub fn is_title(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, TITLES).contains(word.trim_end_matches('.'))
}

/// True for a lower-case role noun that makes the following name a person ("president").
pub fn is_person_cue(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, PERSON_CUES).contains(word)
}

/// True for capitalised words that are never entities (months, weekdays, holidays, "I").
pub fn is_never_entity(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, NEVER).contains(word)
}

/// True for upper-case words that are not entities ("LGBT", "TV", "CEO", shouted words).
pub fn is_non_entity_acronym(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, NON_ENTITY_ACRONYMS).contains(word)
}

/// True for common words that start sentences and are not names ("Despite", "Meanwhile").
pub fn is_common_initial(word: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    cached(&S, COMMON_INITIAL).contains(word)
}

/// Alias groups for places written in several ways; the first of each group is canonical.
pub const PLACE_ALIASES: &[&[&str]] = &[
    &[
        "United States",
        "United States of America",
        "U.S.",
        "U.S.A.",
        "US",
        "USA",
        "America",
    ],
    &["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    &["Soviet Union", "USSR"],
    &["United Arab Emirates", "UAE"],
    &["Kyiv", "Kiev"],
];

/// The alias group index of a place name, if it has one.
pub fn place_alias_group(name: &str) -> Option<usize> {
    PLACE_ALIASES.iter().position(|g| g.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer_the_obvious_cases() {
        assert!(is_place("Grozny") && is_place("United States") && is_place("U.S."));
        assert!(is_demonym("Russian") && is_demonym("Chechens") && is_demonym("Muslim"));
        assert!(!is_demonym("Swisss") && is_demonym("Swiss"));
        assert_eq!(demonym_place("Russian"), Some("Russia"));
        assert_eq!(given_name_gender("Svetlana"), Some(true));
        assert_eq!(given_name_gender("Dmitry"), Some(false));
        assert!(is_org_cue("Network") && is_place_cue("Road") && is_title("President"));
        assert!(is_never_entity("Thursday") && is_never_entity("April"));
        assert!(is_non_entity_acronym("LGBT") && !is_non_entity_acronym("HRW"));
        assert!(is_common_initial("Despite") && !is_common_initial("Dmitry"));
        assert_eq!(place_alias_group("USA"), place_alias_group("United States"));
    }
}
