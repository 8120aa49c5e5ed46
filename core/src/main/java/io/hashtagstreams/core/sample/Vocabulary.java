package io.hashtagstreams.core.sample;

import java.util.SplittableRandom;

/**
 * The fixed word, hashtag, name and emoji lists the generator draws from, with Zipf-like popularity.
 *
 * <p>Every hashtag here is a valid twitter-text hashtag on its own (letters, marks, digits, underscore, at least
 * one non-digit), and every word is free of {@code #}, {@code @} and URL-like text, so the tags placed into a text
 * are exactly the tags an extractor finds there.
 */
final class Vocabulary {

  /** One language of the generated stream. */
  static final class Language {
    final String code;
    final String[] words;
    final ZipfTable tags;

    Language(String code, String[] words, String[] tags) {
      this.code = code;
      this.words = words;
      this.tags = new ZipfTable(tags);
    }
  }

  /** Tags most tweets may carry, whatever their language; most popular first. */
  static final ZipfTable GLOBAL_TAGS = new ZipfTable(new String[] {
      "Rio2016", "Olympics", "PokemonGO", "TeamUSA", "gold", "BTS", "NowPlaying", "MTVHottest", "swimming",
      "news", "music", "love", "football", "NBA", "Brexit", "photography", "job", "hiring", "tbt", "travel",
      "art", "Trump2016", "DemsInPhilly", "GameOfThrones", "Euro2016", "F1", "HungarianGP", "TourDeFrance",
      "summer", "selfie", "follow", "instagood", "happy", "fitness", "food", "WWE", "UFC202", "Bolt",
      "Phelps", "Biles", "Neymar", "KCA", "GirlsLikeYou", "Android", "iPhone", "AI", "BigData", "Spark",
      "Kafka", "OpenSource"});

  static final Language[] LANGUAGES = {
      new Language("en", new String[] {
          "the", "game", "is", "on", "what", "a", "day", "for", "our", "team", "gold", "medal", "watch", "live",
          "now", "great", "win", "love", "this", "final", "race", "tonight", "can't", "wait", "so", "proud",
          "amazing", "new", "video", "best", "ever", "who", "else", "is", "watching", "let's", "go", "finally",
          "record", "history", "just", "saw", "that", "crazy", "world", "opening", "ceremony", "ready", "fans",
          "morning", "everyone", "thanks", "to", "all", "of", "you", "check", "out", "my", "latest", "post"},
          new String[] {"rio2016", "OpeningCeremony", "USA", "ThrowbackThursday", "FF", "MondayMotivation",
              "breaking", "sports", "weather", "traffic"}),
      new Language("es", new String[] {
          "hoy", "es", "un", "gran", "día", "para", "el", "equipo", "vamos", "qué", "partido", "increíble",
          "medalla", "de", "oro", "la", "final", "mañana", "todos", "juntos", "gracias", "por", "todo", "años",
          "campeón", "niños", "fútbol", "corazón"},
          new String[] {"VamosArgentina", "España", "México", "Olimpiadas", "fútbol", "LaLiga", "campeón",
              "Colombia", "Selección", "buenosdías"}),
      new Language("pt", new String[] {
          "hoje", "é", "dia", "de", "jogo", "vai", "Brasil", "que", "lindo", "parabéns", "medalha", "ouro",
          "muito", "orgulho", "seleção", "torcida", "não", "acredito", "coração", "obrigado"},
          new String[] {"Brasil", "Olimpíadas", "VaiBrasil", "TimeBrasil", "futebol", "RioDeJaneiro",
              "Maracanã", "ForaTemer"}),
      new Language("fr", new String[] {
          "aujourd'hui", "c'est", "la", "fête", "allez", "les", "Bleus", "quelle", "équipe", "médaille", "d'or",
          "incroyable", "très", "fier", "à", "demain", "été", "première", "fois", "merci"},
          new String[] {"JO2016", "Équipe", "Allez", "France", "Paris", "Rio", "Bleus", "Été"}),
      new Language("ja", new String[] {
          "今日は", "試合", "最高", "楽しみ", "応援", "してる", "です", "ね", "金メダル", "おめでとう", "すごい",
          "見て", "ください", "日本", "選手", "感動", "ありがとう", "明日", "朝", "ライブ", "新曲", "発売"},
          new String[] {"リオ五輪", "オリンピック", "東京", "ポケモンGO", "日本代表", "金メダル", "拡散希望",
              "相互フォロー", "嵐", "おはよう"}),
      new Language("ar", new String[] {
          "اليوم", "مباراة", "رائعة", "الله", "الفريق", "ميدالية", "ذهبية", "مبروك", "جميل", "جدا", "صباح",
          "الخير", "شكرا", "على", "كل", "شيء", "الحمد", "لله"},
          new String[] {"السعودية", "رياضة", "الهلال", "ريو٢٠١٦", "مصر", "الكويت", "قطر", "جمعة_مباركة"}),
      new Language("ru", new String[] {
          "сегодня", "отличный", "день", "наша", "команда", "победа", "золото", "медаль", "смотрим", "финал",
          "спасибо", "всем", "очень", "круто", "Россия", "вперёд", "друзья", "утро"},
          new String[] {"Олимпиада", "Рио2016", "спорт", "Россия", "Москва", "футбол", "хоккей", "победа"}),
      new Language("ko", new String[] {
          "오늘", "경기", "최고", "대한민국", "화이팅", "금메달", "축하해요", "정말", "감동", "사랑해", "새",
          "노래", "나왔어요", "고마워요", "내일", "봐요"},
          new String[] {"올림픽", "방탄소년단", "축구", "대한민국", "리우올림픽", "엑소", "트와이스"}),
      new Language("hi", new String[] {
          "आज", "का", "मैच", "शानदार", "भारत", "की", "जीत", "बधाई", "हो", "बहुत", "अच्छा", "धन्यवाद", "सब",
          "को", "नमस्ते", "खेल"},
          new String[] {"भारत", "क्रिकेट", "रियो२०१६", "हिंदी", "मोदी", "बॉलीवुड", "खेल"}),
      new Language("und", new String[] {"🔥", "😍", "🙌", "👏", "💯", "😂", "🏅", "⚽", "🎉"},
          new String[] {"Rio2016", "love", "PokemonGO"})
  };

  /** Cumulative shares of {@link #LANGUAGES}, roughly the 2016 sample stream. */
  private static final double[] LANGUAGE_CUMULATIVE = cumulative(45, 12, 7, 4, 12, 6, 5, 4, 3, 2);

  /** Emoji written right before or after a tag; none is a hashtag character or a keycap joiner. */
  static final String[] EMOJI = {"🔥", "😍", "🙌", "👏", "💯", "😂", "🏅", "🇧🇷", "🎉", "⚽"};

  static final String[] NAMES = {"Ana Souza", "Ben Carter", "Chloé Martin", "Dmitri Ivanov", "Emi Tanaka",
      "Farah Haddad", "Gabriel Lima", "Hana Kim", "Isha Patel", "Jack O'Neil", "Kenji Sato", "Lucía Gómez",
      "Mona Ali", "Nikolai Petrov", "Olivia Brown", "Pedro Alves", "Quinn Lee", "Rahul Verma", "Sara Nilsson",
      "Tom Müller", "さくら", "Юлия", "محمد", "지민"};

  static final String[] SCREEN_NAMES = {"ana_souza", "bencarter", "chloe_mtn", "dima_iv", "emi_t",
      "farah_h", "gabilima", "hana_k", "isha_p", "jack_oneil", "kenji_s", "lucia_g", "mona_ali", "nik_petrov",
      "olivia_b", "pedro_alves", "quinnlee", "rahul_v", "sara_n", "tom_mueller", "sakura_jp", "yulia_ru",
      "mo_salah_fan", "jimin_kr"};

  static final String[] SOURCES = {
      "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "<a href=\"http://instagram.com\" rel=\"nofollow\">Instagram</a>"};

  static final String[] TIME_ZONES = {"Pacific Time (US & Canada)", "Brasilia", "Tokyo", "Moscow", "London",
      "Riyadh", "Seoul", "New Delhi", "Madrid", "Paris"};

  /** Links whose {@code #fragment} is part of the URL, so it is not a hashtag. */
  static final String[] FRAGMENT_URLS = {"http://x.com/#about", "https://www.rio2016.com/en#schedule",
      "http://example.org/page#top", "https://news.example.com/live#update3"};

  private Vocabulary() {
  }

  static Language language(SplittableRandom random) {
    return LANGUAGES[pick(LANGUAGE_CUMULATIVE, random.nextDouble())];
  }

  static <T> T any(T[] items, SplittableRandom random) {
    return items[random.nextInt(items.length)];
  }

  static int pick(double[] cumulative, double u) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] <= u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  static double[] cumulative(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] out = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      out[i] = sum / total;
    }
    out[weights.length - 1] = 1.0;
    return out;
  }

  /** Items whose share falls as 1/rank (Zipf with exponent 1), sampled by binary search. */
  static final class ZipfTable {
    private final String[] items;
    private final double[] cumulative;

    ZipfTable(String[] items) {
      this.items = items;
      double[] weights = new double[items.length];
      for (int i = 0; i < items.length; i++) {
        weights[i] = 1.0 / (i + 1);
      }
      this.cumulative = Vocabulary.cumulative(weights);
    }

    String sample(SplittableRandom random) {
      return items[pick(cumulative, random.nextDouble())];
    }
  }
}
