package io.hashtagstreams.core.internal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level domains a protocol-less URL may end in, as in twitter-text's URL rule: the IANA root zone list
 * (version 2026051600), ASCII names in lower case and internationalized names in their Unicode form.
 */
final class TopLevelDomains {

  private static final Set<String> ASCII = split(""
      + "aaa aarp abb abbott abbvie abc able abogado abudhabi ac academy accenture accountant accountants "
      + "aco actor ad ads adult ae aeg aero aetna af afl africa ag agakhan agency ai aig airbus airforce "
      + "airtel akdn al alibaba alipay allfinanz allstate ally alsace alstom am amazon americanexpress "
      + "americanfamily amex amfam amica amsterdam analytics android anquan anz ao aol apartments app apple "
      + "aq aquarelle ar arab aramco archi army arpa art arte as asda asia associates at athleta attorney au "
      + "auction audi audible audio auspost author auto autos aw aws ax axa az azure ba baby baidu banamex "
      + "band bank bar barcelona barclaycard barclays barefoot bargains baseball basketball bauhaus bayern "
      + "bb bbc bbt bbva bcg bcn bd be beats beauty beer berlin best bestbuy bet bf bg bh bharti bi bible "
      + "bid bike bing bingo bio biz bj black blackfriday blockbuster blog bloomberg blue bm bms bmw bn "
      + "bnpparibas bo boats boehringer bofa bom bond boo book booking bosch bostik boston bot boutique box "
      + "br bradesco bridgestone broadway broker brother brussels bs bt build builders business buy buzz bv "
      + "bw by bz bzh ca cab cafe cal call calvinklein cam camera camp canon capetown capital capitalone car "
      + "caravan cards care career careers cars casa case cash casino cat catering catholic cba cbn cbre cc "
      + "cd center ceo cern cf cfa cfd cg ch chanel channel charity chase chat cheap chintai christmas "
      + "chrome church ci cipriani circle cisco citadel citi citic city ck cl claims cleaning click clinic "
      + "clinique clothing cloud club clubmed cm cn co coach codes coffee college cologne com commbank "
      + "community company compare computer comsec condos construction consulting contact contractors "
      + "cooking cool coop corsica country coupon coupons courses cpa cr credit creditcard creditunion "
      + "cricket crown crs cruise cruises cu cuisinella cv cw cx cy cymru cyou cz dad dance data date dating "
      + "datsun day dclk dds de deal dealer deals degree delivery dell deloitte delta democrat dental "
      + "dentist desi design dev dhl diamonds diet digital direct directory discount discover dish diy dj dk "
      + "dm dnp do docs doctor dog domains dot download drive dtv dubai dupont durban dvag dvr dz earth eat "
      + "ec eco edeka edu education ee eg email emerck energy engineer engineering enterprises epson "
      + "equipment er ericsson erni es esq estate et eu eurovision eus events exchange expert exposed "
      + "express extraspace fage fail fairwinds faith family fan fans farm farmers fashion fast fedex "
      + "feedback ferrari ferrero fi fidelity fido film final finance financial fire firestone firmdale fish "
      + "fishing fit fitness fj fk flickr flights flir florist flowers fly fm fo foo food football ford "
      + "forex forsale forum foundation fox fr free fresenius frl frogans frontier ftr fujitsu fun fund "
      + "furniture futbol fyi ga gal gallery gallo gallup game games gap garden gay gb gbiz gd gdn ge gea "
      + "gent genting george gf gg ggee gh gi gift gifts gives giving gl glass gle global globo gm gmail "
      + "gmbh gmo gmx gn godaddy gold goldpoint golf goodyear goog google gop got gov gp gq gr grainger "
      + "graphics gratis green gripe grocery group gs gt gu gucci guge guide guitars guru gw gy hair hamburg "
      + "hangout haus hbo hdfc hdfcbank health healthcare help helsinki here hermes hiphop hisamitsu hitachi "
      + "hiv hk hkt hm hn hockey holdings holiday homedepot homegoods homes homesense honda horse hospital "
      + "host hosting hot hotels hotmail house how hr hsbc ht hu hughes hyatt hyundai ibm icbc ice icu id ie "
      + "ieee ifm ikano il im imamat imdb immo immobilien in inc industries infiniti info ing ink institute "
      + "insurance insure int international intuit investments io ipiranga iq ir irish is ismaili ist "
      + "istanbul it itau itv jaguar java jcb je jeep jetzt jewelry jio jll jm jmp jnj jo jobs joburg jot "
      + "joy jp jpmorgan jprs juegos juniper kaufen kddi ke kerryhotels kerryproperties kfh kg kh ki kia "
      + "kids kim kindle kitchen kiwi km kn koeln komatsu kosher kp kpmg kpn kr krd kred kuokgroup kw ky "
      + "kyoto kz la lacaixa lamborghini lamer land landrover lanxess lasalle lat latino latrobe law lawyer "
      + "lb lc lds lease leclerc lefrak legal lego lexus lgbt li lidl life lifeinsurance lifestyle lighting "
      + "like lilly limited limo lincoln link live living lk llc llp loan loans locker locus lol london "
      + "lotte lotto love lpl lplfinancial lr ls lt ltd ltda lu lundbeck luxe luxury lv ly ma madrid maif "
      + "maison makeup man management mango map market marketing markets marriott marshalls mattel mba mc "
      + "mckinsey md me med media meet melbourne meme memorial men menu merck merckmsd mg mh miami microsoft "
      + "mil mini mint mit mitsubishi mk ml mlb mls mm mma mn mo mobi mobile moda moe moi mom monash money "
      + "monster mormon mortgage moscow moto motorcycles mov movie mp mq mr ms msd mt mtn mtr mu museum "
      + "music mv mw mx my mz na nab nagoya name navy nba nc ne nec net netbank netflix network neustar new "
      + "news next nextdirect nexus nf nfl ng ngo nhk ni nico nike nikon ninja nissan nissay nl no nokia "
      + "norton now nowruz nowtv np nr nra nrw ntt nu nyc nz obi observer office okinawa olayan olayangroup "
      + "ollo om omega one ong onl online ooo open oracle orange org organic origins osaka otsuka ott ovh pa "
      + "page panasonic paris pars partners parts party pay pccw pe pet pf pfizer pg ph pharmacy phd philips "
      + "phone photo photography photos physio pics pictet pictures pid pin ping pink pioneer pizza pk pl "
      + "place play playstation plumbing plus pm pn pnc pohl poker politie porn post pr praxi press prime "
      + "pro prod productions prof progressive promo properties property protection pru prudential ps pt pub "
      + "pw pwc py qa qpon quebec quest racing radio re read realestate realtor realty recipes red "
      + "redumbrella rehab reise reisen reit reliance ren rent rentals repair report republican rest "
      + "restaurant review reviews rexroth rich richardli ricoh ril rio rip ro rocks rodeo rogers room rs "
      + "rsvp ru rugby ruhr run rw rwe ryukyu sa saarland safe safety sakura sale salon samsclub samsung "
      + "sandvik sandvikcoromant sanofi sap sarl sas save saxo sb sbi sbs sc scb schaeffler schmidt "
      + "scholarships school schule schwarz science scot sd se search seat secure security seek select sener "
      + "services seven sew sex sexy sfr sg sh shangrila sharp shell shia shiksha shoes shop shopping shouji "
      + "show si silk sina singles site sj sk ski skin sky skype sl sling sm smart smile sn sncf so soccer "
      + "social softbank software sohu solar solutions song sony soy spa space sport spot sr srl ss st stada "
      + "staples star statebank statefarm stc stcgroup stockholm storage store stream studio study style su "
      + "sucks supplies supply support surf surgery suzuki sv swatch swiss sx sy sydney systems sz tab "
      + "taipei talk taobao target tatamotors tatar tattoo tax taxi tc tci td tdk team tech technology tel "
      + "temasek tennis teva tf tg th thd theater theatre tiaa tickets tienda tips tires tirol tj tjmaxx tjx "
      + "tk tkmaxx tl tm tmall tn to today tokyo tools top toray toshiba total tours town toyota toys tr "
      + "trade trading training travel travelers travelersinsurance trust trv tt tube tui tunes tushu tv tvs "
      + "tw tz ua ubank ubs ug uk unicom university uno uol ups us uy uz va vacations vana vanguard vc ve "
      + "vegas ventures verisign versicherung vet vg vi viajes video vig viking villas vin vip virgin visa "
      + "vision viva vivo vlaanderen vn vodka volvo vote voting voto voyage vu wales walmart walter wang "
      + "wanggou watch watches weather weatherchannel webcam weber website wed wedding weibo weir wf whoswho "
      + "wien wiki williamhill win windows wine winners wme woodside work works world wow ws wtc wtf xbox "
      + "xerox xihuan xin xxx xyz yachts yahoo yamaxun yandex ye yodobashi yoga yokohama you youtube yt yun "
      + "za zappos zara zero zip zm zone zuerich zw "
  );

  private static final List<String> UNICODE = new ArrayList<>(split(""
      + "\u0915\u0949\u092e \u30bb\u30fc\u30eb \u4f5b\u5c71 \u0cad\u0cbe\u0cb0\u0ca4 \u6148\u5584 "
      + "\u96c6\u56e2 \u5728\u7ebf \ud55c\uad6d \u0b2d\u0b3e\u0b30\u0b24 \u70b9\u770b \u0e04\u0e2d\u0e21 "
      + "\u09ad\u09be\u09f0\u09a4 \u09ad\u09be\u09b0\u09a4 \u516b\u5366 \u05d9\u05e9\u05e8\u05d0\u05dc "
      + "\u0645\u0648\u0642\u0639 \u09ac\u09be\u0982\u09b2\u09be \u516c\u76ca \u516c\u53f8 "
      + "\u9999\u683c\u91cc\u62c9 \u7f51\u7ad9 \u79fb\u52a8 \u6211\u7231\u4f60 "
      + "\u043c\u043e\u0441\u043a\u0432\u0430 \u049b\u0430\u0437 \u043a\u0430\u0442\u043e\u043b\u0438\u043a "
      + "\u043e\u043d\u043b\u0430\u0439\u043d \u0441\u0430\u0439\u0442 \u8054\u901a \u0441\u0440\u0431 "
      + "\u0431\u0433 \u0431\u0435\u043b \u05e7\u05d5\u05dd \u65f6\u5c1a \u5fae\u535a \u6de1\u9a6c\u9521 "
      + "\u30d5\u30a1\u30c3\u30b7\u30e7\u30f3 \u043e\u0440\u0433 \u0928\u0947\u091f \u30b9\u30c8\u30a2 "
      + "\u30a2\u30de\u30be\u30f3 \uc0bc\uc131 "
      + "\u0b9a\u0bbf\u0b99\u0bcd\u0b95\u0baa\u0bcd\u0baa\u0bc2\u0bb0\u0bcd \u5546\u6807 \u5546\u5e97 "
      + "\u5546\u57ce \u0434\u0435\u0442\u0438 \u043c\u043a\u0434 \u0435\u044e \u30dd\u30a4\u30f3\u30c8 "
      + "\u65b0\u95fb \u5bb6\u96fb \u0643\u0648\u0645 \u4e2d\u6587\u7f51 \u4e2d\u4fe1 \u4e2d\u56fd "
      + "\u4e2d\u570b \u5a31\u4e50 \u8c37\u6b4c \u0c2d\u0c3e\u0c30\u0c24\u0c4d \u0dbd\u0d82\u0d9a\u0dcf "
      + "\u96fb\u8a0a\u76c8\u79d1 \u8d2d\u7269 \u30af\u30e9\u30a6\u30c9 \u0aad\u0abe\u0ab0\u0aa4 "
      + "\u901a\u8ca9 \u092d\u093e\u0930\u0924\u092e\u094d \u092d\u093e\u0930\u0924 "
      + "\u092d\u093e\u0930\u094b\u0924 \u7f51\u5e97 \u0938\u0902\u0917\u0920\u0928 \u9910\u5385 "
      + "\u7f51\u7edc \u043a\u043e\u043c \u0443\u043a\u0440 \u9999\u6e2f \u4e9a\u9a6c\u900a \u98df\u54c1 "
      + "\u98de\u5229\u6d66 \u53f0\u6e7e \u53f0\u7063 \u624b\u673a \u043c\u043e\u043d "
      + "\u0627\u0644\u062c\u0632\u0627\u0626\u0631 \u0639\u0645\u0627\u0646 "
      + "\u0627\u0631\u0627\u0645\u0643\u0648 \u0627\u06cc\u0631\u0627\u0646 "
      + "\u0627\u0644\u0639\u0644\u064a\u0627\u0646 \u0627\u0645\u0627\u0631\u0627\u062a "
      + "\u0628\u0627\u0632\u0627\u0631 \u0645\u0648\u0631\u064a\u062a\u0627\u0646\u064a\u0627 "
      + "\u067e\u0627\u06a9\u0633\u062a\u0627\u0646 \u0627\u0644\u0627\u0631\u062f\u0646 "
      + "\u0628\u0627\u0631\u062a \u0628\u06be\u0627\u0631\u062a \u0627\u0644\u0645\u063a\u0631\u0628 "
      + "\u0627\u0628\u0648\u0638\u0628\u064a \u0627\u0644\u0628\u062d\u0631\u064a\u0646 "
      + "\u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629 \u0680\u0627\u0631\u062a "
      + "\u0643\u0627\u062b\u0648\u0644\u064a\u0643 \u0633\u0648\u062f\u0627\u0646 "
      + "\u0647\u0645\u0631\u0627\u0647 \u0639\u0631\u0627\u0642 \u0645\u0644\u064a\u0633\u064a\u0627 "
      + "\u6fb3\u9580 \ub2f7\ucef4 \u653f\u5e9c \u0634\u0628\u0643\u0629 \u0628\u064a\u062a\u0643 "
      + "\u0639\u0631\u0628 \u10d2\u10d4 \u673a\u6784 \u7ec4\u7ec7\u673a\u6784 \u5065\u5eb7 "
      + "\u0e44\u0e17\u0e22 \u0633\u0648\u0631\u064a\u0629 \u62db\u8058 \u0440\u0443\u0441 \u0440\u0444 "
      + "\u062a\u0648\u0646\u0633 \u5927\u62ff \u0ea5\u0eb2\u0ea7 \u307f\u3093\u306a "
      + "\u30b0\u30fc\u30b0\u30eb \u03b5\u03c5 \u03b5\u03bb \u4e16\u754c \u66f8\u7c4d "
      + "\u0d2d\u0d3e\u0d30\u0d24\u0d02 \u0a2d\u0a3e\u0a30\u0a24 \u7f51\u5740 \ub2f7\ub137 \u30b3\u30e0 "
      + "\u5929\u4e3b\u6559 \u6e38\u620f verm\u00f6gensberater verm\u00f6gensberatung \u4f01\u4e1a "
      + "\u4fe1\u606f \u5609\u91cc\u5927\u9152\u5e97 \u5609\u91cc \u0645\u0635\u0631 \u0642\u0637\u0631 "
      + "\u5e7f\u4e1c \u0b87\u0bb2\u0b99\u0bcd\u0b95\u0bc8 \u0b87\u0ba8\u0bcd\u0ba4\u0bbf\u0baf\u0bbe "
      + "\u0570\u0561\u0575 \u65b0\u52a0\u5761 \u0641\u0644\u0633\u0637\u064a\u0646 \u653f\u52a1 "
  ));

  static {
    // longest first, so that a name is never cut short by another that is its prefix
    UNICODE.sort((a, b) -> b.length() - a.length());
  }

  private TopLevelDomains() {
  }

  /** Whether the ASCII letters and digits {@code text[start, end)} are a top-level domain, ignoring case. */
  static boolean isAscii(String text, int start, int end) {
    int length = end - start;
    if (length < 2 || length > 24) {
      return false;
    }
    char[] lower = new char[length];
    for (int i = 0; i < length; i++) {
      char c = text.charAt(start + i);
      lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return ASCII.contains(new String(lower));
  }

  /** The end of the internationalized top-level domain that starts at {@code start}, or -1. */
  static int unicodeEnd(String text, int start) {
    for (String name : UNICODE) {
      if (text.startsWith(name, start)) {
        return start + name.length();
      }
    }
    return -1;
  }

  private static Set<String> split(String names) {
    Set<String> set = new HashSet<>();
    Collections.addAll(set, names.trim().split(" "));
    return set;
  }
}
