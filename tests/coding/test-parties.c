/* test-parties.c: the corporation of a document, and of its items, when the corporations
 * list does not know the company: invented kk/ru/en documents of invented companies. The
 * expected Latin names are transliterated by hand (й → i, қ → k, ө → o, ұ → u, ы → y,
 * ш → sh, ц → ts). */
#include "config.h"

#include <string.h>

#include "kel-coder-private.h"
#include "kel-test-utils.h"

static KelDocument *
process (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("doc.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

/* One name however it is spelt: Kazakh and Russian letters, joined or spaced, Latin. */
static void
test_parties_names (void)
{
  g_autofree char *a = _kel_party_key ("ШалкияЦинк");
  g_autofree char *b = _kel_party_key ("Шалқия Цинк");
  g_autofree char *c = _kel_party_key ("Shalkiya Zinc");
  g_autofree char *d = _kel_party_key ("Шалкия-Цинк");
  /* a Latin "a" and "K" inside a Cyrillic word */
  g_autofree char *e = _kel_party_key ("Шaлкия Цинк");
  g_autofree char *t1 = _kel_party_transliterate ("Бесагаш Кен");
  g_autofree char *t2 = _kel_party_transliterate ("Қазақалтын");
  g_autofree char *t3 = _kel_party_transliterate ("КАРАЖЫРА");
  g_autofree char *t4 = _kel_party_transliterate ("Тургай-Петролеум");

  /* «Цинк» is the English word "zinc" the name borrows */
  g_assert_cmpstr (a, ==, "shalkiyazinc");
  g_assert_cmpstr (b, ==, "shalkiyazinc");
  g_assert_cmpstr (d, ==, "shalkiyazinc");
  g_assert_cmpstr (e, ==, "shalkiyazinc");
  g_assert_cmpstr (c, ==, "shalkiyazinc");
  g_assert_true (_kel_party_same (a, c));
  g_assert_false (_kel_party_same ("kazgermunai", "karazhanbasmunai"));
  g_assert_false (_kel_party_same ("nuratas", "saryarkakomir"));
  g_assert_cmpstr (t1, ==, "Besagash Ken");
  g_assert_cmpstr (t2, ==, "Kazakhaltyn");
  g_assert_cmpstr (t3, ==, "KARAZHYRA");
  g_assert_cmpstr (t4, ==, "Turgai Petroleum");
}

/* The skeletons that compare a name across scripts, worked out by hand. */
static void
test_parties_skeleton (void)
{
  static const char *const cases[][2] = {
    { "Матен Петролеум", "matenpetroleum" }, { "Maten Petroleum", "matenpetroleum" },
    { "Қазмырыш", "kazmirish" }, { "Kazmyrysh", "kazmirish" }, { "Qazmyrysh", "kazmirish" },
    { "Жаикмедь", "jaikmed" }, { "Zhaikmed", "jaikmed" }, { "Jaikmed", "jaikmed" },
    { "Хантау", "hantau" }, { "Khantau", "hantau" }, { "Hantau", "hantau" },
    { "Ёлка", "elka" }, { "Yolka", "elka" },
    { "Казцинк", "kazink" }, { "Kazzinc", "kazink" },
    { "Щучинск", "shuchinsk" }, { "Shchuchinsk", "shuchinsk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *k = _kel_party_skeleton (cases[i][0]);
      g_assert_cmpstr (k, ==, cases[i][1]);
    }
}

/* The English words a company's name borrows are written as English in its Latin name:
 * invented companies, the expected names spelt by hand. */
static void
test_parties_loanwords (void)
{
  static const char *const cases[][2] = {
    { "Ақсу Оперейтинг", "Aksu Operating" },
    { "Сарыкөл Голд Майнинг", "Sarykol Gold Mining" },
    { "ЕвроСтил", "EuroSteel" },
    { "Жайықцинк", "Zhaiykzinc" },
    { "Тобыл Петролеум Ресорсиз", "Tobyl Petroleum Resources" },
    { "Ертіс Кока-Кола Ботлерс", "Ertis Coca Cola Bottlers" },
    { "Алтай Иншуранс", "Altai Insurance" },
    { "Сарыарқа Инжиниринг", "Saryarka Engineering" },
    { "Жетісуфарм", "Zhetisupharm" },
    { "Береке-Фарм", "Bereke Pharm" },
    { "Дала Холдинг", "Dala Holding" },
    { "Нұр Трейд", "Nur Trade" },
    { "Эйр Тұлпар", "Air Tulpar" },
    { "Шу Транзит Логистикс", "Shu Transit Logistics" },
    /* a word in capitals is no capitalised part: «КОМПАНИЯ» is no "company" + «Я» */
    { "ЖАЙЫҚ КОМПАНИЯ", "ZHAIYK KOMPANIYA" },
    /* е after a vowel */
    { "Ақсуское Кен", "Aksuskoye Ken" },
    /* a word that only begins with a loanword's letters is no loanword */
    { "Фармацевт Сервис", "Farmatsevt Service" },
    /* inside a word, a piece that is not at its start is no loanword */
    { "Бекголдай", "Bekgoldai" },
    { "Кеңсервисбай", "Kenservisbai" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *t = _kel_party_transliterate (cases[i][0]);
      g_assert_cmpstr (t, ==, cases[i][1]);
    }
}

/* A list of invented companies that gives their Latin names only, or a name in one
 * language only, beside the built-in list. */
static const char list_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<corporations xmlns=\"urn:kelisim:lexicon:1\">\n"
  "  <corporation id=\"tobyl\" name=\"Tobyl Petroleum Resources\">\n"
  "    <alias xml:lang=\"en\">Tobyl Petroleum Resources</alias>\n"
  "  </corporation>\n"
  "  <corporation id=\"ertis_cement\" name=\"Ertis Cement Company\">\n"
  "    <alias xml:lang=\"en\">Ertis Cement</alias>\n"
  "  </corporation>\n"
  "  <corporation id=\"zhaiyk\" name=\"Zhaiyk Copper\">\n"
  "    <name xml:lang=\"kk\">Жайықмыс</name>\n"
  "    <name xml:lang=\"ru\">Жаикмедь</name>\n"
  "  </corporation>\n"
  "  <corporation id=\"khantau\" name=\"Khantau Gold\">\n"
  "    <alias xml:lang=\"en\">Khantau Gold</alias>\n"
  "  </corporation>\n"
  "</corporations>\n";

/* Every coding of @doc is @corp's. */
static void
assert_codings_of (const KelDocument *doc, const char *corp)
{
  for (guint k = 0; k < doc->codings->len; k++)
    g_assert_cmpstr (kel_coding_get_corporation (doc, &g_array_index (doc->codings,
                                                                      KelCoding, k)),
                     ==, corp);
}

static const KelPipelineOptions *
own_list (void)
{
  static KelPipelineOptions pipeline;

  if (pipeline.lexicon == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
      g_autofree char *dir = g_dir_make_tmp ("kelisim-parties-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autoptr (GDir) d = NULL;
      const char *e;

      g_assert_no_error (error);
      /* the built-in lexicons, and this list in place of the built-in one */
      d = g_dir_open (builtin, 0, &error);
      g_assert_no_error (error);
      while ((e = g_dir_read_name (d)) != NULL)
        if (g_str_has_prefix (e, "lexicon-") && g_str_has_suffix (e, ".xml"))
          {
            g_autofree char *from = g_build_filename (builtin, e, NULL);
            g_autofree char *to = g_build_filename (dir, e, NULL);
            g_autofree char *bytes = NULL;
            gsize n;

            g_assert_true (g_file_get_contents (from, &bytes, &n, NULL));
            g_assert_true (g_file_set_contents (to, bytes, n, NULL));
          }
      path = g_build_filename (dir, "corporations.xml", NULL);
      g_assert_true (g_file_set_contents (path, list_xml, -1, NULL));
      pipeline = *kel_test_pipeline ();
      pipeline.lexicon = kel_lexicon_load (dir, builtin, &error);
      g_assert_no_error (error);
    }
  return &pipeline;
}

/* A company the list names in Latin only is the same company where a document names it
 * in Cyrillic only, and one the list names in one language is named so in a document
 * (ru, kk, en); a company the list does not know stays its own. */
static void
test_parties_across (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "МЕМОРАНДУМ\nо социальном партнёрстве на 2025 год\n\nАкимат Костанайской области и "
      "ТОО «Тобыл Петролеум Ресорсиз» (далее – Компания) заключили настоящий Меморандум.\n\n"
      "1. Компания обязуется:\n1.1. построить спортивный зал в селе Аулиеколь стоимостью "
      "240 млн тенге.\n", "Tobyl Petroleum Resources" },
    { "ӨЗАРА НИЕТ ТУРАЛЫ МЕМОРАНДУМ\n\nБұдан әрі «Компания» деп аталатын «Ертіс Цемент "
      "Компаниясы» АҚ және Абай облысының әкімдігі осы Меморандумды жасасты.\n\n1. "
      "Компания:\n1.1. Семей қаласында балабақша салады, құны – 700 млн теңге.\n",
      "Ertis Cement Company" },
    { "ӨЗАРА НИЕТ ТУРАЛЫ МЕМОРАНДУМ\n\n«Жайықмыс» ЖШС (бұдан әрі – Серіктестік) және "
      "Батыс Қазақстан облысының әкімдігі осы Меморандумды жасасты.\n\n1. Серіктестік:\n"
      "1.1. Орал қаласында мектеп салады, құны – 500 млн теңге.\n", "Zhaiyk Copper" },
    { "PRESS RELEASE\n\nZhaiyk Copper and the Akimat of West Kazakhstan Region signed a "
      "memorandum for 2025. Zhaiyk Copper will build a school in Oral at a cost of KZT 500 "
      "million.\n", "Zhaiyk Copper" },
    /* «Хантау» in Russian: х is "kh" here, "h" elsewhere */
    { "СООБЩЕНИЕ\n\nТОО «Хантау Голд» (далее – Компания) и акимат Жамбылской области "
      "подписали меморандум на 2025 год. Компания построит Дом культуры в селе Хантау "
      "стоимостью 300 млн тенге.\n", "Khantau Gold" },
    /* not in the list: its own name, its English word in English */
    { "МЕМОРАНДУМ\nна 2025 год\n\nАкимат Туркестанской области и ТОО «Бекголдай "
      "Майнинг» (далее – Компания) заключили настоящий Меморандум.\n\n1. Компания "
      "обязуется:\n1.1. построить школу в селе Шаян стоимостью 800 млн тенге.\n",
      "Bekgoldai Mining" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      KelExtracted *ext = kel_extract_text ("doc.txt", cases[i].text,
                                            strlen (cases[i].text), &error);
      g_autoptr (KelDocument) doc = NULL;

      g_assert_no_error (error);
      doc = kel_pipeline_process_extracted (own_list (), ext);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
    }
}

/* A word of a company's name that is a listed company's name with two letters changed
 * is not that company: "Caspian" is one word, "Kaspi Bank" two; nor is a company named
 * after the city a listed one is named after («Усть-Каменогорская птицефабрика» and
 * "Ust-Kamenogorsk CHP"; its kind in English, its adjective of place kept where the text
 * does not name the town). */
static void
test_parties_not_across (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "PRESS RELEASE\n\nCaspian Offshore Constructors LLP (the Company) and the Akimat of "
      "Mangystau Region signed a memorandum for 2025. The Company will build a school in "
      "Kuryk at a cost of KZT 500 million.\n", "Caspian Offshore Constructors" },
    { "ОТЧЁТ\n\nАО «Усть-Каменогорская птицефабрика» (далее – Общество) сообщает об "
      "исполнении меморандума. Общество построило детскую площадку стоимостью 20 млн "
      "тенге.\n", "Ust Kamenogorskaya Poultry Farm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      KelExtracted *ext = kel_extract_text ("doc.txt", cases[i].text,
                                            strlen (cases[i].text), &error);
      g_autoptr (KelDocument) doc = NULL;

      g_assert_no_error (error);
      doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
    }
}

/* The list's company a party's names hold, looked up among the aliases that can match
 * (_kel_party_index_find()): a name that holds one as written comes before one that holds
 * one across scripts, an earlier name before a later; of two companies in one name, the
 * list's first, wherever the name has it; and a name holding none is none. Every alias of
 * the list names its company's or one before it. */
static void
test_parties_known_index (void)
{
  const KelLexicon *lex = own_list ()->lexicon;
  const KelPartyIndex *x = _kel_party_index_of (lex);
  GPtrArray *corps = kel_lexicon_get_corporations (lex);
  static const struct {
    const char *forms[3], *corp;
  } cases[] = {
    { { "Жайықмыс" }, "Zhaiyk Copper" },
    { { "Тобыл Петролеум Ресорсиз" }, "Tobyl Petroleum Resources" },
    { { "Ертіс Цемент Компаниясы" }, "Ertis Cement Company" },
    { { "Хантау Голд" }, "Khantau Gold" },
    /* the list has Tobyl before Khantau */
    { { "Khantau Gold Tobyl Petroleum Resources" }, "Tobyl Petroleum Resources" },
    { { "Хантау Голд Тобыл Петролеум Ресорсиз" }, "Tobyl Petroleum Resources" },
    { { "Хантау Голд", "Жайықмыс" }, "Zhaiyk Copper" },
    { { "Khantau Gold", "Жайықмыс" }, "Khantau Gold" },
    { { "Бекголдай Майнинг", "Хантау Голд" }, "Khantau Gold" },
    { { "Усть-Каменогорская птицефабрика" }, NULL },
    { { "Caspian Offshore Constructors" }, NULL },
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) forms = g_ptr_array_new ();

      for (guint f = 0; f < G_N_ELEMENTS (cases[i].forms) && cases[i].forms[f]; f++)
        g_ptr_array_add (forms, (gpointer) cases[i].forms[f]);
      g_assert_cmpstr (_kel_party_index_find (x, forms), ==, cases[i].corp);
    }
  for (guint i = 0; i < corps->len; i++)
    {
      char **names = corps->pdata[i];

      for (guint k = 1; names[k] != NULL; k++)
        {
          g_autoptr (GPtrArray) forms = g_ptr_array_new ();
          const char *known;
          guint at = 0;

          g_ptr_array_add (forms, names[k]);
          known = _kel_party_index_find (x, forms);
          g_assert_nonnull (known);
          while (at < corps->len && ((char **) corps->pdata[at])[0] != known)
            at++;
          g_assert_cmpuint (at, <=, i);
          n++;
        }
    }
  g_assert_cmpuint (n, >=, corps->len);
}

/* Minutes of two companies of the list, each named only in Cyrillic: each item is its
 * own company's, under the list's names. */
static void
test_parties_across_items (void)
{
  static const char text[] =
    "ПРОТОКОЛ\nсовещания в акимате Костанайской области\n\n1. ТОО «Тобыл Петролеум "
    "Ресорсиз» сообщило о планах на 2025 год.\n1.1. ТОО «Тобыл Петролеум Ресорсиз» построит "
    "спортивный зал в селе Аулиеколь стоимостью 240 млн тенге.\n2. ТОО «Хантау Голд» "
    "сообщило о своих планах.\n2.1. ТОО «Хантау Голд» отремонтирует больницу в селе "
    "Карасу за 90 млн тенге.\n";
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("doc.txt", text, strlen (text), &error);
  g_autoptr (KelDocument) doc = NULL;
  guint tobyl = 0, khantau = 0;

  g_assert_no_error (error);
  doc = kel_pipeline_process_extracted (own_list (), ext);
  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
      const char *corp = kel_coding_get_corporation (doc, c);

      if (c->amount_kzt == 240e6)
        tobyl += g_strcmp0 (corp, "Tobyl Petroleum Resources") == 0;
      if (c->amount_kzt == 90e6)
        khantau += g_strcmp0 (corp, "Khantau Gold") == 0;
    }
  g_assert_cmpuint (tobyl, ==, 1);
  g_assert_cmpuint (khantau, ==, 1);
}

static void
test_parties_document (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    /* ru: the Company is the party; a fund it gives to is not */
    { "МЕМОРАНДУМ\nо взаимном сотрудничестве на 2025 год\n\nАкимат Жетысуской области "
      "(далее – Акимат) и ТОО «Бесагаш Кен» (далее – Компания) заключили настоящий "
      "Меморандум.\n\n1. Компания обязуется:\n1.1. построить детский сад на 140 мест стоимостью "
      "610 млн тенге;\n1.2. перечислить 40 млн тенге в фонд «Болашак Траст» на лечение детей;\n"
      "1.3. перечислить 25 млн тенге в пользу ОФ «Жетысу Жастары» и ТОО «Алатау Сервис».\n\n"
      "От Компании: директор ТОО «БесагашКен»\n",
      "Besagash Ken" },
    /* kk: "бұдан әрі «Компания» деп аталатын" names the party before it */
    { "ӨЗАРА НИЕТ ТУРАЛЫ МЕМОРАНДУМ\n\nБұдан әрі «Әкімдік» деп аталатын Ұлытау облысының "
      "әкімдігі және бұдан әрі «Компания» деп аталатын «Көктөбе Мыс» ЖШС осы Меморандумды "
      "жасасты.\n\n1. Компания:\n1.1. Жезді кентінде мектеп салады, құны – 900 млн теңге;\n"
      "1.2. «Жомарт» қорына 20 млн теңге аударады.\n",
      "Koktobe Mys" },
    /* en: the document's Latin form names it; a foundation it gives to is not it */
    { "MEMORANDUM OF UNDERSTANDING\n\nThe Akimat of Abai Region (the Akimat) and Kyzyl Tas "
      "Gold LLP (the \"Company\") agree as follows.\n\n1. The Company shall:\n1.1. build a "
      "sports hall in Ayagoz at a cost of KZT 300 million;\n1.2. contribute KZT 50 million to "
      "the Abai Development Foundation.\n\nFor «Қызыл Тас Голд» ЖШС\n",
      "Kyzyl Tas Gold" },
    /* a subsidiary the document names as such: its group's (the corpora's rulings) */
    { "МЕМОРАНДУМ\nо взаимных намерениях на 2024 год\n\nАкимат Павлодарской области и "
      "ТОО «Ертіс Энерго» (далее – Компания), дочерняя организация АО «Алтай Ресурсы», "
      "заключили настоящий Меморандум.\n\n1. Компания обязуется:\n1.1. отремонтировать школу "
      "№ 5 за 120 млн тенге.\n",
      "Altai Resursy" },
    /* kk: the group before, "«…» АҚ тобына кіретін «…» ЖШС" */
    { "ӨЗАРА НИЕТ ТУРАЛЫ МЕМОРАНДУМ\n\nПавлодар облысының әкімдігі және «Алтай Ресурс» АҚ "
      "тобына кіретін «Ертіс Энерго» ЖШС (бұдан әрі – Серіктестік) осы Меморандумды "
      "жасасты.\n\n1. Серіктестік 2024 жылы № 5 мектепті 120 млн теңгеге жөндейді.\n",
      "Altai Resurs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      assert_codings_of (doc, cases[i].corp);
    }
}

/* Minutes that list two unknown companies' contributions: each item is its company's. */
static void
test_parties_items (void)
{
  g_autoptr (KelDocument) doc = process (
    "ПРОТОКОЛ\nзаседания акимата Карагандинской области\n\n1. ТОО «Сарыарқа Көмір» "
    "сообщило о планах на 2024 год.\n1.1. ТОО «Сарыарқа Көмір» построит детский сад в "
    "Шахтинске стоимостью 500 млн тенге.\n2. ТОО «Нұра Тас» сообщило о своих планах.\n2.1. ТОО "
    "«Нұра Тас» отремонтирует больницу в Темиртау за 200 млн тенге.\n");
  guint saryarka = 0, nura = 0;

  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
      const char *corp = kel_coding_get_corporation (doc, c);

      if (c->amount_kzt == 500e6)
        saryarka += g_strcmp0 (corp, "Saryarka Komir") == 0;
      if (c->amount_kzt == 200e6)
        nura += g_strcmp0 (corp, "Nura Tas") == 0;
    }
  g_assert_cmpuint (saryarka, ==, 1);
  g_assert_cmpuint (nura, ==, 1);
}

/* A fund whose name starts with a listed company's («Қазақмыс Траст» қоры, "Kazakhmys
 * Foundation") receives: however often it is named, the items stay the document's own
 * company's (the funds and companies are invented). */
/* Minutes that give each company a short name («(далее – ТПР)») and then use only it:
 * each item is the company's whose short name it names. */
static void
test_parties_short_names (void)
{
  g_autoptr (KelDocument) doc = process (
    "ПРОТОКОЛ\nсовещания у акима Костанайской области\n\nПрисутствовали: директор ТОО "
    "«Тобыл Петролеум Ресорсиз» (далее – ТПР), директор ТОО «Арқалық Құрылыс Сервис» "
    "(далее – АҚС).\n\nРЕШИЛИ:\n1. Принять к сведению согласие ТПР в 2025 году построить "
    "спортивный зал в селе Аулиеколь стоимостью 240 млн тенге.\n2. Принять к сведению "
    "согласие АҚС отремонтировать больницу в селе Карасу за 90 млн тенге.\n3. ТПР выделит "
    "15 млн тенге на праздник Наурыз в Аулиеколе.\n");
  guint tobyl = 0, arkalyk = 0;

  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
      const char *corp = kel_coding_get_corporation (doc, c);

      if (c->amount_kzt == 240e6 || c->amount_kzt == 15e6)
        tobyl += g_strcmp0 (corp, "Tobyl Petroleum Resources") == 0;
      if (c->amount_kzt == 90e6)
        arkalyk += g_strcmp0 (corp, "Arkalyk Kurylys Service") == 0;
    }
  g_assert_cmpuint (tobyl, ==, 2);
  g_assert_cmpuint (arkalyk, ==, 1);
}

/* A company's own foundation that acts, the subject of its sentences, is the company's:
 * a report of the Kazakhmys foundation is Kazakhmys's, in en, ru and kk. */
static void
test_parties_own_fund (void)
{
  static const char *const texts[] = {
    "PRESS RELEASE\n\nKazakhmys Foundation will equip the district hospital in Satbayev "
    "with medical equipment for KZT 60 million in 2025.\nThe Kazakhmys Foundation will also "
    "build a playground in Zhezkazgan at a cost of KZT 40 million.\n",
    "СООБЩЕНИЕ\n\n«Казахмыс Фонд» в 2025 году приобретёт медицинское оборудование для "
    "районной больницы Сатпаева на 60 млн тенге.\n«Казахмыс Фонд» также построит детскую "
    "площадку в Жезказгане стоимостью 40 млн тенге.\n",
    "ХАБАРЛАМА\n\n«Қазақмыс Траст» қоры 2025 жылы Сәтбаев аудандық ауруханасына 60 млн "
    "теңгеге медициналық жабдық сатып алады.\n«Қазақмыс Траст» қоры Жезқазғанда балалар "
    "алаңын салады, құны – 40 млн теңге.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (KelDocument) doc = process (texts[i]);

      g_assert_cmpstr (doc->corporation, ==, "Kazakhmys");
      g_assert_cmpuint (doc->codings->len, >, 0);
      assert_codings_of (doc, "Kazakhmys");
    }
}

static void
test_parties_fund (void)
{
  static const char *const texts[] = {
    "ӨЗАРА ЫНТЫМАҚТАСТЫҚ ТУРАЛЫ МЕМОРАНДУМ\n\nТүркістан облысының әкімдігі және "
    "«Қазатомөнеркәсіп» ҰАК» АҚ (бұдан әрі – Компания) осы Меморандумды жасасты.\n\n"
    "1. Компания:\n1.1. «Қазақмыс Траст» әлеуметтік даму қорына 2025 жылы 40 млн теңге "
    "аударады;\n1.2. Шолаққорған ауылында 300 орындық мектеп салады, құны – 900 млн "
    "теңге;\n1.3. «Қазақмыс Траст» қоры арқылы ауруханаға 50 млн теңгеге жабдық сатып "
    "алады.\n",
    "МЕМОРАНДУМ\nо сотрудничестве на 2025 год\n\nАкимат Туркестанской области и АО «НАК "
    "«Казатомпром» (далее – Компания) заключили настоящий Меморандум.\n\n1. Компания "
    "обязуется:\n1.1. перечислить 40 млн тенге в «Казахмыс Траст»;\n1.2. построить школу на "
    "300 мест в селе Шолаккорган стоимостью 900 млн тенге;\n1.3. через «Казахмыс Фонд» "
    "приобрести оборудование для больницы на 50 млн тенге.\n",
    "MEMORANDUM OF UNDERSTANDING\n\nThe Akimat of Turkistan Region and Kazatomprom JSC (the "
    "\"Company\") agree as follows.\n\n1. The Company shall:\n1.1. contribute KZT 40 million "
    "to the Kazakhmys Foundation;\n1.2. build a school for 300 pupils in Sholakkorgan at a cost "
    "of KZT 900 million;\n1.3. equip the district hospital through the Kazakhmys Foundation "
    "for KZT 50 million.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (KelDocument) doc = process (texts[i]);
      guint school = 0;

      g_assert_cmpstr (doc->corporation, ==, "Kazatomprom");
      for (guint k = 0; k < doc->codings->len; k++)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);

          school += c->amount_kzt == 900e6;
          g_assert_cmpstr (kel_coding_get_corporation (doc, c), ==, "Kazatomprom");
        }
      g_assert_cmpuint (school, ==, 1);
    }
}

/* A company the list does not know, named only as a group of companies: «…» компаниялар
 * тобы, группа компаний «…», "… Group" (and "the Working Group" of an akimat is no company). */
static void
test_parties_group (void)
{
  static const char *const texts[] = {
    "ӨЗАРА ЫНТЫМАҚТАСТЫҚ ТУРАЛЫ МЕМОРАНДУМ\n\nҚарасай ауданының әкімдігі және «Алтын Дала» "
    "компаниялар тобы (бұдан әрі – Компания) осы Меморандумды жасасты.\n\n1. Компания:\n"
    "1.1. Қаскелең қаласында 300 орындық мектеп салады, құны – 900 млн теңге;\n1.2. аудандық "
    "ауруханаға 50 млн теңгеге жабдық сатып алады.\n",
    "МЕМОРАНДУМ\nо сотрудничестве на 2025 год\n\nАкимат Карасайского района и группа компаний "
    "«Алтын Дала» (далее – Компания) заключили настоящий Меморандум.\n\n1. Компания "
    "обязуется:\n1.1. построить школу на 300 мест в городе Каскелен стоимостью 900 млн тенге;"
    "\n1.2. приобрести оборудование для районной больницы на 50 млн тенге.\n",
    "MEMORANDUM OF UNDERSTANDING\n\nThe Akimat of Karasai District and Altyn Dala Group (the "
    "\"Company\") agree as follows. The Working Group of the Akimat will meet quarterly.\n\n"
    "1. The Company shall:\n1.1. build a school for 300 pupils in Kaskelen at a cost of KZT 900 "
    "million;\n1.2. equip the district hospital for KZT 50 million.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (KelDocument) doc = process (texts[i]);

      /* the list does not know it: its name as written, in Latin letters */
      g_assert_cmpstr (doc->corporation, ==, "Altyn Dala");
      g_assert_cmpuint (doc->codings->len, ==, 2);
      assert_codings_of (doc, "Altyn Dala");
    }
}

/* An akimat's summary of several companies' help, one of them on the list: the rows of
 * the companies the list does not know are theirs, not the listed company's. */
static void
test_parties_summary_with_listed (void)
{
  static const char text[] =
    "СВОДНАЯ ИНФОРМАЦИЯ\nо социальной помощи компаний городу за 2023 год\n\n"
    "1. АО «Kaspi Bank» построило школу в микрорайоне Алатау стоимостью 500 млн тенге.\n"
    "2. АО «Kaspi Bank» передало медицинское оборудование больнице на 40 млн тенге.\n"
    "3. ТОО «Жетысу Агро Трейд» оказало спонсорскую поддержку волейбольному клубу "
    "«Жетысу» на 30 млн тенге.\n"
    "4. ТОО «Жетысу Агро Трейд» отремонтировало спортивный зал школы № 5 за 60 млн "
    "тенге.\n"
    "5. ТОО «Каскелен Мебель» передало мебель детскому дому на 12 млн тенге.\n"
    "6. ТОО «Каскелен Мебель» провело праздник Наурыз в селе Каскелен за 8 млн тенге.\n";
  g_autoptr (KelDocument) doc = process (text);
  const char *by_amount[7] = { NULL };
  static const double amounts[] = { 500e6, 40e6, 30e6, 60e6, 12e6, 8e6 };

  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        if (c->amount_kzt == amounts[a])
          by_amount[a] = kel_coding_get_corporation (doc, c);
    }
  for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
    g_assert_nonnull (by_amount[a]);
  g_assert_cmpstr (by_amount[0], ==, "Kaspi Bank");
  g_assert_cmpstr (by_amount[1], ==, "Kaspi Bank");
  g_assert_cmpstr (by_amount[2], !=, "Kaspi Bank");
  g_assert_cmpstr (by_amount[2], ==, by_amount[3]);
  g_assert_cmpstr (by_amount[4], !=, "Kaspi Bank");
  g_assert_cmpstr (by_amount[4], ==, by_amount[5]);
  g_assert_cmpstr (by_amount[2], !=, by_amount[4]);
}

/* The corporation of the coding that carries @amount (tenge), counted or not, or "" when
 * none does. */
static const char *
corp_of_amount (const KelDocument *doc, double amount)
{
  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
      if (c->amount_kzt == amount)
        return kel_coding_get_corporation (doc, c);
    }
  return "";
}

/* An akimat's summary of several companies, two of them on the list and one not; and
 * minutes that name a company the list does not know again and again with its legal form
 * beside a listed one: the rows and the pledges of the company the list does not know are
 * its own, not the listed company's (invented companies beside Kaspi Bank and Kcell). */
static void
test_parties_several_with_listed (void)
{
  static const struct {
    const char *text;
    double listed, other;
  } cases[] = {
    { "СВОДНАЯ ИНФОРМАЦИЯ\nо социальной помощи компаний городу за 2023 год\n\n"
      "1. АО «Kaspi Bank» построило школу в микрорайоне Алатау стоимостью 500 млн тенге.\n"
      "2. АО «Kaspi Bank» передало медицинское оборудование больнице на 40 млн тенге.\n"
      "3. АО «Kcell» отремонтировало спортивный зал школы № 5 за 60 млн тенге.\n"
      "4. АО «Kcell» передало компьютеры школе № 9 на 15 млн тенге.\n"
      "5. ТОО «Каскелен Мебель» передало мебель детскому дому на 12 млн тенге.\n"
      "6. ТОО «Каскелен Мебель» провело праздник Наурыз в селе Каскелен за 8 млн тенге.\n",
      500e6, 12e6 },
    { "ПРОТОКОЛ\nсовещания у акима области\n\nПрисутствовали: председатель правления "
      "АО «Kaspi Bank»; директор ТОО «Ақбұлақ Тас Өнім».\nСЛУШАЛИ:\nПредставитель "
      "АО «Kaspi Bank» доложил, что банк в 2019 году отремонтировал школу № 2 (50 млн "
      "тенге).\nДиректор ТОО «Ақбұлақ Тас Өнім» доложил, что компания провела праздник "
      "Наурыз (5 млн тенге).\nРЕШИЛИ:\n1. Принять к сведению согласие АО «Kaspi Bank» "
      "построить спортивный зал в селе Береке стоимостью 300 млн тенге.\n2. Принять к "
      "сведению согласие ТОО «Ақбұлақ Тас Өнім» построить водопровод в селе Жамансор "
      "стоимостью 210 млн тенге.\n", 300e6, 210e6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (corp_of_amount (doc, cases[i].listed), ==, "Kaspi Bank");
      g_assert_cmpstr (corp_of_amount (doc, cases[i].other), !=, "Kaspi Bank");
      g_assert_cmpstr (corp_of_amount (doc, cases[i].other), !=, "");
    }
}

/* An akimat's news of two memoranda signed the same day: the second company, named once
 * in a sentence that signs its memorandum, takes the items after it, in kk, ru and en;
 * the first company's items stay its own (invented companies; the first is on the list in
 * the Russian one). «… құрылыс холдингі», холдинг «…», "… holding" name a company. */
static void
test_parties_second_memorandum (void)
{
  static const struct {
    const char *text, *first, *second;
  } cases[] = {
    { "Облыс әкімдігі мен «Ақсу Тыңайтқыш» ЖШС меморандумға қол қойды\n\n"
      "Тараз қаласында облыс әкімі мен «Ақсу Тыңайтқыш» ЖШС директоры меморандумға қол "
      "қойды. Меморандумға сәйкес компания Шу қаласында 200 орындық балабақша салады, "
      "құны 900 млн теңге. «Ақсу Тыңайтқыш» сондай-ақ аудандық ауруханаға 70 млн теңгеге "
      "медициналық жабдық сатып алады.\n\n"
      "Сол күні облыс әкімдігі «Nur Qurylys» құрылыс холдингімен де меморандумға қол қойды. "
      "Оған сәйкес холдинг Тараз қаласында 40 пәтерлік жалдамалы тұрғын үй салады (800 млн "
      "теңге). Холдинг сондай-ақ «Жамбыл» волейбол клубына 12 млн теңге демеушілік көмек "
      "көрсетеді.\n",
      "Aksu Tynaitkysh", "Nur Qurylys" },
    { "Акимат области подписал меморандум с АО «Казцинк»\n\n"
      "В Усть-Каменогорске аким области и руководство АО «Казцинк» подписали меморандум на "
      "2025 год. Казцинк построит в Риддере детский сад на 280 мест стоимостью 1,2 млрд тенге "
      "и выделит 45 млн тенге на оборудование для городской больницы.\n\n"
      "Также в этот день подписан меморандум со строительным холдингом «Ертіс Құрылыс». "
      "Холдинг отремонтирует школу № 12 в Алтае за 300 млн тенге и профинансирует праздник "
      "Наурыз в Зыряновске на 9 млн тенге.\n",
      "Kazzinc", "Ertis Kurylys" },
    { "Akimat signs memorandum with Saryarka Cement LLP\n\n"
      "The akim of the region and the director of Saryarka Cement LLP signed a memorandum "
      "for 2025. The company will build a kindergarten for 150 children in Temirtau worth "
      "KZT 650 million and will give KZT 35 million for equipment of the city hospital.\n\n"
      "The same day a memorandum was also signed with the Baiterek Stroi holding. The "
      "holding will repair the roof of school No. 4 in Shakhtinsk for KZT 120 million and "
      "will sponsor the Shakhter youth hockey club with KZT 18 million.\n",
      "Saryarka Cement", "Baiterek Stroi" },
  };
  static const double first[][2] = { { 900e6, 70e6 }, { 1.2e9, 45e6 }, { 650e6, 35e6 } };
  static const double second[][2] = { { 800e6, 12e6 }, { 300e6, 9e6 }, { 120e6, 18e6 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_assert_cmpstr (doc->corporation, ==, cases[i].first);
      for (guint k = 0; k < 2; k++)
        {
          g_assert_cmpstr (corp_of_amount (doc, first[i][k]), ==, cases[i].first);
          g_assert_cmpstr (corp_of_amount (doc, second[i][k]), ==, cases[i].second);
        }
    }
}

/* Memoranda announced one after another, and a passing mention of the first company in
 * the second's part: its item stays the second's, and so when the items are attributed
 * again from the mentions a project stores, whose names are each their own copy (two
 * mentions of one company read back are one company). Invented companies, kk, ru, en. */
static void
test_parties_stored_mentions (void)
{
  static const struct {
    const char *text, *first, *second;
  } cases[] = {
    { "Akimat signs two memoranda\n\n"
      "The akim of the region signed a memorandum with Saryarka Cement LLP. The company "
      "will build a kindergarten in Temirtau worth KZT 650 million.\n\n"
      "The same day a memorandum was also signed with Baiterek Stroi LLP. The holding "
      "joins Saryarka Cement in the support of the town. It will repair the roof of school "
      "No. 4 in Shakhtinsk for KZT 120 million.\n",
      "Saryarka Cement", "Baiterek Stroi" },
    { "Акимат подписал два меморандума\n\n"
      "Аким области подписал меморандум с ТОО «Сарыарка Цемент». Компания построит "
      "детский сад в Темиртау стоимостью 650 млн тенге.\n\n"
      "В тот же день подписан меморандум с ТОО «Бәйтерек Строй». Партнёр присоединяется "
      "к «Сарыарка Цемент» в поддержке города. Будет отремонтирована кровля школы № 4 в "
      "Шахтинске за 120 млн тенге.\n",
      "Saryarka Cement", "Baiterek Stroi" },
    { "Әкімдік екі меморандумға қол қойды\n\n"
      "Облыс әкімі «Сарыарқа Цемент» ЖШС-мен меморандумға қол қойды. Компания Теміртауда "
      "650 млн теңгеге балабақша салады.\n\n"
      "Сол күні «Бәйтерек Строй» ЖШС-мен де меморандумға қол қойылды. Серіктес қалаға "
      "қолдау көрсетуде «Сарыарқа Цемент» үлгісін ұстанады. Шахтинскідегі № 4 мектептің "
      "шатыры 120 млн теңгеге жөнделеді.\n",
      "Saryarka Cement", "Baiterek Stroi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_autoptr (GVariant) mentions = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpstr (corp_of_amount (doc, 650e6), ==, cases[i].first);
      g_assert_cmpstr (corp_of_amount (doc, 120e6), ==, cases[i].second);
      g_assert_nonnull (doc->mentions);
      mentions = g_variant_ref (doc->mentions);
      _kel_attribute_from_mentions (doc, mentions);
      g_assert_cmpstr (corp_of_amount (doc, 650e6), ==, cases[i].first);
      g_assert_cmpstr (corp_of_amount (doc, 120e6), ==, cases[i].second);
    }
}

/* An akimat's summary of several memoranda, a section per company under a numbered
 * heading that names only it, and minutes where each speaker's turn starts with the
 * company it praises: a company named once, in its heading or at its turn's start, takes
 * the items of its part (invented companies; Kaspi Bank is on the list). */
static void
test_parties_sections (void)
{
  static const struct {
    const char *text, *first, *second, *third;
  } cases[] = {
    { "СВОДНАЯ ИНФОРМАЦИЯ\nоб исполнении меморандумов за 2025 год\n\n"
      "1. ТОО «Ақтау Тас» (меморандум от 15 января 2025 года)\n"
      "В отчётном периоде компания отремонтировала Дом культуры посёлка Актау за "
      "160 млн тенге и передала медицинское оборудование амбулатории на 25 млн тенге.\n\n"
      "2. ТОО «Temir Qurylys» (меморандум от 5 февраля 2025 года)\n"
      "Построена спортивная площадка в микрорайоне Юго-Восток стоимостью 58 млн тенге. "
      "Выделено 7 млн тенге на подарки ко Дню защиты детей для детей из малообеспеченных "
      "семей.\n\n"
      "3. АО «Kaspi Bank» (меморандум от 20 января 2025 года)\n"
      "Оснащён компьютерный класс специальной школы № 2 на 15 млн тенге. Оказана "
      "спонсорская поддержка шахматному клубу «Ақ ладья» на 5 млн тенге.\n",
      "Aktau Tas", "Temir Qurylys", "Kaspi Bank" },
    { "SUMMARY\nof the memoranda carried out in 2025\n\n"
      "1. Aktau Tas LLP (memorandum of 15 January 2025)\n"
      "The company repaired the House of Culture of Aktau for KZT 160 million and gave "
      "medical equipment to the outpatient clinic for KZT 25 million.\n\n"
      "2. Temir Qurylys LLP (memorandum of 5 February 2025)\n"
      "A sports ground was built in the South-East district for KZT 58 million. KZT 7 "
      "million went to gifts for children of low-income families on Children's Day.\n\n"
      "3. Kaspi Bank JSC (memorandum of 20 January 2025)\n"
      "A computer class of special school No. 2 was equipped for KZT 15 million. The "
      "Ak Ladya chess club received sponsorship of KZT 5 million.\n",
      "Aktau Tas", "Temir Qurylys", "Kaspi Bank" },
    { "ОБЛЫСТЫҚ МӘСЛИХАТ СЕССИЯСЫНЫҢ ХАТТАМАСЫ\n\n"
      "Депутат С. Жанқожаев (Жалағаш сайлау округі): – «Қызылқұм Петролеум» АҚ-ның "
      "жұмысын атап өткім келеді. Компания 2024 жылы № 12 мектептің спорт залына күрделі "
      "жөндеу жүргізді, оған 96 млн теңге жұмсалды. Сондай-ақ аудандық ауруханаға жедел "
      "жәрдем көлігін 54 млн теңгеге сатып алып берді.\n"
      "Депутат Г. Әбдіқалықова (Қызылорда қалалық сайлау округі): – «Сыр Құрылыс» ЖШС "
      "қала тұрғындарына қолдау көрсетті. Серіктестік 120 орындық балабақша құрылысын "
      "бастады, жобаның құны 1,2 млрд теңге. «Мейірім» қайырымдылық қорына 25 млн теңге "
      "аударылды.\n"
      "Депутат Қ. Сейтжанов: – «Kaspi Bank» АҚ жастар күрес командасына 5 млн "
      "теңге демеушілік көмек көрсетті, ал Наурыз мерекесін өткізуге 4 млн теңге бөлді.\n",
      "Kyzylkum Petroleum", "Syr Kurylys", "Kaspi Bank" },
  };
  static const double amounts[3][3][2] = {
    { { 160e6, 25e6 }, { 58e6, 7e6 }, { 15e6, 5e6 } },
    { { 160e6, 25e6 }, { 58e6, 7e6 }, { 15e6, 5e6 } },
    { { 96e6, 54e6 }, { 1.2e9, 25e6 }, { 5e6, 4e6 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      const char *owners[] = { cases[i].first, cases[i].second, cases[i].third };

      for (guint o = 0; o < 3; o++)
        for (guint k = 0; k < 2; k++)
          {
            g_test_message ("case %u, company %u, amount %.0f", i, o, amounts[i][o][k]);
            g_assert_cmpstr (corp_of_amount (doc, amounts[i][o][k]), ==, owners[o]);
          }
    }
}

/* A tripartite memorandum whose companies are given short names, one a common word
 * («(бұдан әрі – Банк)») and one in capitals («МҰҰ»), and whose
 * sections then use only them: each section's items are its company's (invented). */
static void
test_parties_tripartite (void)
{
  static const struct {
    const char *text, *bank, *mfo;
  } cases[] = {
    { "ҮШЖАҚТЫ МЕМОРАНДУМ\n\n«Рудный қаласы әкімінің аппараты» мемлекеттік мекемесі "
      "(бұдан әрі – Әкімдік), «Тобыл Финанс Банк» акционерлік қоғамы (бұдан әрі – Банк) "
      "және «Дала Несие» ЖШС (бұдан әрі – МҰҰ), бұдан әрі – Тараптар, осы Меморандумды "
      "жасасты.\n\n1. Банктің міндеттемелері\n1.1. № 3 мектептің жанынан спорт алаңын салуды "
      "60 млн теңгеге қаржыландыру.\n1.2. Қалалық ауруханаға 25 млн теңгеге жабдық сатып "
      "алу.\n\n2. МҰҰ міндеттемелері\n2.1. «Мейірім» қоғамдық қорына қарттарға көмекке 14 "
      "млн теңге аудару.\n2.2. Қалалық саябақта Наурыз мерекесін 6 млн теңгеге өткізу.\n",
      "Tobyl Finans Bank", "Dala Nesie" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_assert_cmpstr (corp_of_amount (doc, 60e6), ==, cases[i].bank);
      g_assert_cmpstr (corp_of_amount (doc, 25e6), ==, cases[i].bank);
      g_assert_cmpstr (corp_of_amount (doc, 14e6), ==, cases[i].mfo);
      g_assert_cmpstr (corp_of_amount (doc, 6e6), ==, cases[i].mfo);
    }
}

/* A name in quotes that ends in "Group" keeps it («Бектас Group» компаниялар тобы is
 * "Bektas Group"); a Latin name with "Group" and no quotes is named without it. */
static void
test_parties_group_in_quotes (void)
{
  g_autoptr (KelDocument) kk = process (
    "ҚОҒАМДЫҚ ТЫҢДАУ ХАТТАМАСЫ\n\n«Bektas Group» компаниялар тобының зауытын кеңейту "
    "жобасы бойынша.\nҚатысқандар: «Bektas Group» өкілдері.\n1. Компания ауылда ойын алаңын "
    "салады, құны – 20 млн теңге.\n");
  g_autoptr (KelDocument) en = process (
    "Sustainability Report 2024\n\nBektas Group carries out its social programme in the "
    "region. In 2024 Bektas Group built a playground in Talgar for KZT 20 million.\n");

  g_assert_cmpstr (kk->corporation, ==, "Bektas Group");
  g_assert_cmpstr (en->corporation, ==, "Bektas");
}

/* A company the list does not know, named once as "… Corporation" in a slide's footer;
 * "the Corporation" and a state body are no company. */
static void
test_parties_corporation (void)
{
  g_autoptr (KelDocument) doc = process (
    "Community investment in Zhambyl region, 2024\n\n"
    "Main projects in 2024\n"
    "New school for 320 pupils in Kordai village: KZT 1.2 billion\n"
    "Medical equipment for the Kordai district hospital: KZT 85 million\n\n"
    "The Corporation reports to the Development Corporation of the region each quarter.\n"
    "Shu Valley Mining Corporation · Investor presentation · May 2025\n");

  g_assert_cmpstr (doc->corporation, ==, "Shu Valley Mining");
}

/* A report of CAEPCO that tells what its subsidiaries (the list's Pavlodarenergo and
 * Sevkazenergo, parts of CAEPCO's group) did: their items are the group's (invented
 * sentences). Alone in its own report, a subsidiary is its own corporation. */
static void
test_parties_list_subsidiaries (void)
{
  g_autoptr (KelDocument) doc = process (
    "CAEPCO JSC · Annual Report 2024\n\n"
    "Central-Asian Electric Power Corporation JSC (“CAEPCO”) works through its subsidiaries "
    "Pavlodarenergo JSC and Sevkazenergo JSC.\n"
    "In Pavlodar, Pavlodarenergo handed over an ultrasound scanner worth KZT 27 million to "
    "the regional hospital.\n"
    "In Petropavlovsk, Sevkazenergo repaired the roof of school No. 3 for KZT 30 million.\n"
    "CAEPCO sponsored the city hockey club with KZT 10 million.\n");
  g_autoptr (KelDocument) own = process (
    "Pavlodarenergo JSC · Sustainability Report 2024\n\n"
    "Pavlodarenergo handed over an ultrasound scanner worth KZT 27 million to the regional "
    "hospital.\n");

  g_assert_cmpstr (doc->corporation, ==, "CAEPCO");
  g_assert_cmpstr (corp_of_amount (doc, 27e6), ==, "CAEPCO");
  g_assert_cmpstr (corp_of_amount (doc, 30e6), ==, "CAEPCO");
  g_assert_cmpstr (corp_of_amount (doc, 10e6), ==, "CAEPCO");
  g_assert_cmpstr (own->corporation, ==, "Pavlodarenergo");
  g_assert_cmpstr (corp_of_amount (own, 27e6), ==, "Pavlodarenergo");
}

/* A round table's minutes where one company's name is also a team's and a festival's in
 * another company's turn (команде по волейболу «Жайык», «Жайық» волейбол командасына): those
 * mentions are the team's, and the items after them stay the speaker's company's, in ru
 * and kk (invented companies). */
static void
test_parties_object_names (void)
{
  static const struct {
    const char *text, *first, *second;
  } cases[] = {
    { "ПРОТОКОЛ КРУГЛОГО СТОЛА\n\nПрисутствовали: представители АО «Ертіс Машзавод» и "
      "ТОО «Жайык».\n"
      "Иванова А. Б., директор АО «Ертіс Машзавод» – В 2025 году завод отремонтировал "
      "школу № 4 за 50 млн тенге. Спонсорская помощь команде по волейболу «Жайык» "
      "составила 8 млн тенге. На фестиваль «Наурыз – Жайык» завод выделил 3 млн тенге.\n"
      "Петрова В. Г., директор ТОО «Жайык» – Товарищество передало продукты "
      "малообеспеченным семьям на 4 млн тенге. ТОО «Жайык» отремонтировало детскую "
      "площадку за 6 млн тенге.\n",
      "Ertis Mashzavod", "Zhaiyk" },
    { "ДӨҢГЕЛЕК ҮСТЕЛ ХАТТАМАСЫ\n\nҚатысқандар: «Ертіс Машзавод» АҚ және «Жайық» ЖШС "
      "өкілдері.\n"
      "Иванова А. Б., «Ертіс Машзавод» АҚ директоры – 2025 жылы зауыт № 4 мектепті 50 млн "
      "теңгеге жөндеді. «Жайық» волейбол командасына 8 млн теңге демеушілік көмек "
      "көрсетілді. «Наурыз – Жайық» фестиваліне зауыт 3 млн теңге бөлді.\n"
      "Петрова В. Г., «Жайық» ЖШС директоры – Серіктестік аз қамтылған отбасыларына 4 млн "
      "теңгеге азық-түлік берді. «Жайық» ЖШС балалар алаңын 6 млн теңгеге жөндеді.\n",
      "Ertis Mashzavod", "Zhaiyk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (corp_of_amount (doc, 50e6), ==, cases[i].first);
      g_assert_cmpstr (corp_of_amount (doc, 8e6), ==, cases[i].first);
      g_assert_cmpstr (corp_of_amount (doc, 3e6), ==, cases[i].first);
      g_assert_cmpstr (corp_of_amount (doc, 6e6), ==, cases[i].second);
    }
}

/* One company named in two ways is one, named as the document introduces it: a name
 * and the name with the kind of company after it ("Tulpar Group LLP" and "Tulpar Group
 * has…", "Sunkar Airlines JSC" and «Sunkar» авиакомпаниясы» АҚ), an abbreviation of
 * its spelled-out name («Аксуский завод ферросплавных изделий» and АО «АЗФИ», «Шығыс
 * Жылу Желісі» ЖШС and «ШЖЖ» ЖШС, "Ridder Mining and Chemical Complex LLP" and "For
 * RMCC LLP"): every item is that company's, in en, ru and kk (invented companies). */
static void
test_parties_one_name (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "Tulpar Group LLP (Tulpar.kz, Arba.kz) · ESG Report 2024\n\n"
      "KZT 40 mln laptops for computer classes of rural schools.\n"
      "Since 2019 Tulpar Group has invested more than KZT 2 billion in communities. Tulpar "
      "Academy taught 900 young people.\n", "Tulpar Group" },
    { "GRANT AGREEMENT\n\nSunkar Airlines JSC (Kazakh: «Sunkar» авиакомпаниясы» АҚ; "
      "hereinafter “the Grantor” or “Sunkar”) and the Public Foundation “Qanat” have "
      "concluded this Agreement.\n1.1. The Grantor gives the Foundation a grant of KZT "
      "20,000,000 for scholarships of students.\n2.1. Sunkar pilots will mentor the "
      "students.\n", "Sunkar Airlines" },
    { "ПРОТОКОЛ\n\nПрисутствовали: представители АО «Аксуский завод ферросплавных "
      "изделий» (АО «АЗФИ»).\nАО «АЗФИ» в 2025 году отремонтировало школу № 3 за 40 млн "
      "тенге. АЗФИ выделило 5 млн тенге на праздник Наурыз.\n",
      "Aksuskii zavod ferrosplavnykh izdelii" },
    { "МЕМОРАНДУМ\n\nӘкімдік пен «Шығыс Жылу Желісі» ЖШС осы Меморандумды жасасты.\n"
      "1. «ШЖЖ» ЖШС № 5 мектептің жылу жүйесін 45 млн теңгеге жөндейді.\n"
      "2. «ШЖЖ» ЖШС студенттерге 3 млн теңге шәкіртақы төлейді.\n", "Shygys Zhylu Zhelisi" },
    { "Annex 1 to the Memorandum between the Akimat of Ridder and Ridder Mining and Chemical "
      "Complex LLP (hereinafter the “Company”)\n\n1. Capital repair of the city polyclinic: "
      "KZT 90,000,000.\n2. A school bus for school No. 5: KZT 30,000,000.\n\n"
      "For the Akimat:\nFor RMCC LLP:\n", "Ridder Mining and Chemical Complex" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_autoptr (GPtrArray) parties = _kel_find_parties (kel_test_lexicon (),
                                                         doc->norm->text, doc->norm->len, 0);

      g_test_message ("case %u", i);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      g_assert_cmpuint (parties->len, ==, 1);
      g_assert_cmpuint (doc->codings->len, >, 0);
      assert_codings_of (doc, cases[i].corp);
    }
}

/* One company named side by side in two languages or spellings, its name and its legal
 * form, then a bracket or a slash and its other name with its form, is one company named
 * in Latin letters where one of its names is; two companies in a list, or a company and
 * its group in a note, stay two (invented companies, in en, ru and kk). */
static void
test_parties_beside (void)
{
  static const struct {
    const char *text, *corp;
    guint parties;
  } cases[] = {
    { "Zhetisu Reinsurance JSC (АО «Страховая компания «Жетісу Қайта Сақтандыру»)\n"
      "Dear colleagues,\nZhetisu Reinsurance will give KZT 12 million for the repair of "
      "the gym of school No. 4.\nАО «Страховая компания «Жетісу Қайта Сақтандыру» "
      "also gives KZT 3 million to the children's sports festival.\n", "Zhetisu Reinsurance", 1 },
    { "КЕЛІСІМ\n\nАудан әкімдігі және «Көкжиек тау-кен байыту кешені» жауапкершілігі "
      "шектеулі серіктестігі (Kokzhiyek Mining LLP, бұдан әрі – Компания) төмендегілер "
      "туралы келісімді жасасты.\n1. Компания ауылдағы мектептің спорт залын 90 млн "
      "теңгеге жөндейді.\n2. «Көкжиек ТБК» ЖШС студенттерге 5 млн теңге шәкіртақы "
      "төлейді.\n", "Kokzhiyek Mining", 1 },
    { "МЕМОРАНДУМ\n\nАО «Страховая компания «Тулпар Иншуранс» / Tulpar Assurance JSC "
      "(далее – Компания) и акимат города заключили меморандум.\n1. Компания выделит "
      "20 млн тенге на ремонт школы № 7.\n", "Tulpar Assurance", 1 },
    { "ПРОТОКОЛ\n\nПрисутствовали: ТОО «Арқалық Құрылыс», ТОО «Нұрлы Тас Өнім».\n"
      "1. ТОО «Арқалық Құрылыс» отремонтирует школу № 3 за 40 млн тенге.\n2. ТОО «Нұрлы "
      "Тас Өнім» выделит 15 млн тенге на праздник Наурыз.\n3. ТОО «Нұрлы Тас Өнім» "
      "построит детскую площадку за 20 млн тенге.\n", NULL, 2 },
    { "МЕМОРАНДУМ\n\nТОО «Сарыбел Жол» (дочерняя организация АО «Тобыл Транс») "
      "построит дорогу к школе за 60 млн тенге.\n", NULL, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_autoptr (GPtrArray) parties = _kel_find_parties (kel_test_lexicon (),
                                                         doc->norm->text, doc->norm->len, 0);

      g_test_message ("case %u", i);
      g_assert_cmpuint (parties->len, ==, cases[i].parties);
      if (cases[i].corp == NULL)
        continue;
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      g_assert_cmpuint (doc->codings->len, >, 0);
      assert_codings_of (doc, cases[i].corp);
    }
}

/* The longest legal forms, «товарищество с ограниченной ответственностью «…»» and ««…»
 * жауапкершілігі шектеулі серіктестігі», name a company too, and the abbreviation the
 * document then gives it with its form («(далее – ТОО «СИПК», Компания)») is the same
 * company, named by its name spelled out (invented companies). */
static void
test_parties_long_forms (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "СОГЛАШЕНИЕ\n\nАкимат района и товарищество с ограниченной ответственностью "
      "«Сарыбулакская известковая компания» в лице директора (далее – ТОО «СИК», "
      "Компания) заключили соглашение.\n1. Компания построит детскую площадку за 30 млн "
      "тенге.\n2. ТОО «СИК» выделит 4 млн тенге на праздник Наурыз.\nТОО «СИК»: "
      "________\n", "Sarybulakskaya izvestkovaya kompaniya" },
    { "МЕМОРАНДУМ\n\nАудан әкімдігі және «Ақжар Құрылыс Материалдары» жауапкершілігі "
      "шектеулі серіктестігі осы меморандумды жасасты.\n1. Серіктестік мектептің "
      "шатырын 25 млн теңгеге жөндейді.\n", "Akzhar Kurylys Materialdary" },
    /* the form on the next line of the sentence */
    { "КЕЛІСІМ\n\nАудан әкімдігі (бұдан әрі – Әкімдік) және «Ақжар Құрылыс Материалдары»\n"
      "жауапкершілігі шектеулі серіктестігі (бұдан әрі – Серіктестік) осы келісімді "
      "жасасты.\n1. Серіктестік мектептің шатырын 25 млн теңгеге жөндейді.\n",
      "Akzhar Kurylys Materialdary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_autoptr (GPtrArray) parties = _kel_find_parties (kel_test_lexicon (),
                                                         doc->norm->text, doc->norm->len, 0);

      g_test_message ("case %u", i);
      g_assert_cmpuint (parties->len, ==, 1);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
    }
}

/* Kazakh in the Latin script is read through its Cyrillic view; a company it names in
 * quotes is named as the document writes it, not as the view's letters read in Latin
 * ("Kyzylzhar Kurylys"): an invented company. */
static void
test_parties_latin_kazakh (void)
{
  g_autoptr (KelDocument) doc = process (
    "Audan äkımı men «Qyzyljar Qūrylys» JŞS basşylyğy arasynda kezdesu ötti. Kompaniia "
    "biyl audan mektepterıne 40 mln teñge bölüdı josparlap otyr.\nSonymen qatar «Qyzyljar "
    "Qūrylys» JŞS auyldağy balalar alañyn 12 mln teñgege salady. Serıktestık Nauryz "
    "merekesıne 3 mln teñge böledı.\n");

  g_assert_cmpstr (doc->corporation, ==, "Qyzyljar Qūrylys");
  g_assert_cmpuint (doc->codings->len, >, 0);
  assert_codings_of (doc, "Qyzyljar Qūrylys");
}

/* The whole corporations list: every alias, as it is matched (case-folded, at the start
 * of a word, an alias of five letters or more with any ending), names one company only,
 * so no document's mention goes to two. */
static void
test_parties_list_aliases (void)
{
  GPtrArray *corps = kel_lexicon_get_corporations (kel_test_lexicon ());
  g_autoptr (GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) of = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (corps->len, >=, 180);
  for (guint i = 0; i < corps->len; i++)
    {
      char **names = corps->pdata[i];

      g_assert_cmpstr (names[1], !=, NULL);
      for (guint k = 1; names[k] != NULL; k++)
        {
          char *fold = g_utf8_casefold (names[k], -1);
          gpointer other;

          if (g_hash_table_lookup_extended (owner, fold, NULL, &other)
              && GPOINTER_TO_UINT (other) != i + 1)
            g_error ("«%s» names %s and %s", names[k], names[0],
                     ((char **) corps->pdata[GPOINTER_TO_UINT (other) - 1])[0]);
          g_hash_table_insert (owner, g_strdup (fold), GUINT_TO_POINTER (i + 1));
          g_ptr_array_add (all, fold);
          g_array_append_val (of, i);
        }
    }
  /* an alias matched with any ending is not the start of another company's alias */
  for (guint a = 0; a < all->len; a++)
    for (guint b = 0; b < all->len; b++)
      {
        const char *x = all->pdata[a], *y = all->pdata[b];

        if (g_array_index (of, guint, a) != g_array_index (of, guint, b)
            && g_utf8_strlen (x, -1) > 4 && g_str_has_prefix (y, x))
          g_error ("«%s» (%s) is found in «%s» (%s)", x,
                   ((char **) corps->pdata[g_array_index (of, guint, a)])[0], y,
                   ((char **) corps->pdata[g_array_index (of, guint, b)])[0]);
      }
}

/* A company named only in the running header or footer, whose body says only «Компания»
 * / «Серіктестік» / "the Company": the header's company is the document's, in ru, kk and
 * en; a company of the list by its canonical name. The header's text is not coded. And a
 * PDF's running header is kept apart from the text. */
static void
test_parties_running_header (void)
{
  static const struct {
    const char *running, *body, *corp;
  } cases[] = {
    { "АО «Кокше Кагаз» · Меморандум о социальном партнерстве\nСтраница",
      "МЕМОРАНДУМ\n\n1. Компания построит детский сад в Кокшетау стоимостью 300 млн тенге.\n",
      "Kokshe Kagaz" },
    { "«Ертіс Тас» ЖШС – Кепілдік хат",
      "КЕПІЛДІК ХАТ\n\nСеріктестік 2025 жылы Павлодар қаласында мектепті 80 млн теңгеге "
      "жөндейді.\n", "Ertis Tas" },
    { "Kazzinc LLP — Social Partnership Report 2024",
      "REPORT\n\nThe Company built a kindergarten in Ridder for KZT 500 million.\n",
      "Kazzinc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      KelExtracted *ext = kel_extract_text ("doc.txt", cases[i].body, strlen (cases[i].body),
                                            &error);
      g_autoptr (KelDocument) doc = NULL;

      g_assert_no_error (error);
      ext->running = g_strdup (cases[i].running);
      doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      g_assert_null (strstr (kel_document_get_text (doc), "·"));
    }

  {
    g_autofree char *path = kel_test_data_path ("layout/01-kazminerals-annual-2021-twocol.pdf");
    KelExtractOptions options = { 0, KEL_OCR_AUTO, NULL, NULL, NULL };
    g_autoptr (GError) error = NULL;
    g_autoptr (KelExtracted) ext = kel_extract_file_full (path, &options, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (ext->running);
    g_assert_nonnull (strstr (ext->running, "KAZ Minerals Annual Report"));
    g_assert_null (strstr (ext->text, "KAZ Minerals Annual Report"));
  }
}

/* A company the list does not know is named with the word that says what kind of company
 * it is in the English a researcher writes, from the lexicons' table (<company-kinds>),
 * where that word ends its name, and the adjective of place before it as the place the
 * document names («Жаркентская птицефабрика» of Жаркент, «Сарыбайский … порт» of Сарыбай); a
 * name whose kind word does not end it is read as written. A company's wholly owned
 * subsidiary named after it ("X plc and its wholly owned subsidiary Y LLP") counts for it.
 * Invented companies. */
static void
test_parties_company_kinds (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "МЕМОРАНДУМ\n\nАкимат города Жаркент и АО «Жаркентская птицефабрика» (далее – "
      "Общество) заключили меморандум.\n1. Общество отремонтирует спортзал школы № 2 за "
      "30 млн тенге.\n2. Общество выделит 5 млн тенге на праздник Наурыз.\n",
      "Zharkent Poultry Farm" },
    { "МЕМОРАНДУМ\n\nАкимат района и АО «Сарыбайский морской торговый порт» (далее – "
      "Порт) заключили меморандум. Порт в посёлке Сарыбай работает с 2016 года.\n1. Порт "
      "отремонтирует поликлинику за 60 млн тенге.\n", "Sarybai Sea Trade Port" },
    { "МЕМОРАНДУМ\n\nҚала әкімдігі мен «Сарыкөл энергокешені» ЖШС (бұдан әрі – "
      "Серіктестік) осы меморандумды жасасты.\n1. Серіктестік № 5 мектептің шатырын 45 "
      "млн теңгеге жөндейді.\n", "Sarykol Energy Complex" },
    { "MEMORANDUM\n\nThe Akimat of the town, Nura Valley Metals plc (\u201cNVM\u201d), and "
      "its wholly owned subsidiary Karasu Copper Company LLP (\u201cKCC\u201d; NVM and KCC "
      "together, the \u201cCompany\u201d) have agreed as follows.\n1. KCC will repair the "
      "roof of school No. 3 for KZT 40 million.\n2. KCC will pay scholarships of KZT 5 "
      "million to ten students.\n3. Through NVM, the Company will give KZT 8 million to the "
      "town hospital for equipment.\n", "Nura Valley Metals" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      g_assert_cmpuint (doc->codings->len, >, 0);
      assert_codings_of (doc, cases[i].corp);
    }
}

/* A name of the list of one word ("QazaqGaz") is not a company whose name begins with
 * words of the language that spell it nearly («Қазақ газ …», "Kazakh gas …"): the
 * document's own name stands; and a gas processing plant is one in English. */
static void
test_parties_one_word_across (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "ӨЗАРА ӘРІПТЕСТІК ТУРАЛЫ МЕМОРАНДУМ\n\nАудан әкімдігі мен «Қазақ газ құбыр "
      "жөндеу» ЖШС (бұдан әрі – Серіктестік) осы меморандумды жасасты.\n1. Серіктестік "
      "ауылдық клубтың шатырын 30 млн теңгеге жөндейді.\n", "Kazakh gaz kubyr zhondeu" },
    { "ӨЗАРА ӘРІПТЕСТІК ТУРАЛЫ МЕМОРАНДУМ\n\nҚала әкімдігі мен «Бозащы газ өңдеу "
      "зауыты» ЖШС (бұдан әрі – Серіктестік) осы меморандумды жасасты.\n1. Серіктестік "
      "№ 4 мектептің спорт залын 40 млн теңгеге жөндейді.\n", "Bozashchy Gas Processing Plant" },
    { "МЕМОРАНДУМ\n\nАкимат района и ТОО «Бозащинский газоперерабатывающий завод» "
      "(далее – Товарищество) заключили меморандум.\n1. Товарищество отремонтирует "
      "спортзал школы № 4 за 40 млн тенге.\n", "Bozashchinskii Gas Processing Plant" },
  };
  const KelPartyIndex *x = _kel_party_index_of (kel_test_pipeline ()->lexicon);
  g_autoptr (GPtrArray) forms = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      assert_codings_of (doc, cases[i].corp);
    }
  /* the list's one-word name is still found as one word spelt another way */
  g_ptr_array_add (forms, (gpointer) "КазакГаз");
  g_assert_cmpstr (_kel_party_index_find (x, forms), ==, "QazaqGaz");
  g_ptr_array_set_size (forms, 0);
  g_ptr_array_add (forms, (gpointer) "Казах газ сервис");
  g_assert_null (_kel_party_index_find (x, forms));
}

/* «Ақ» ("white") beginning a name is a word of it; the legal form «АҚ» is written in
 * capitals. And a company whose name begins with the words of another's is its part, not
 * one whose first words only join into the other's one word («Ақ Бидай Нан» is no part of
 * the club «Акбидай»). */
static void
test_parties_form_word (void)
{
  static const char minutes[] =
    "ПРОТОКОЛ\nзаседания совета по социальному партнёрству\n\n1. ТОО «Ақ Бидай Нан» "
    "сообщило, что ТОО «Ақ Бидай Нан» выделит ФК «Акбидай» спонсорскую помощь в размере "
    "6 млн тенге.\n2. ТОО «Тасқала Құс» сообщило, что ТОО «Тасқала Құс» отремонтирует "
    "детский сад в селе Тасқала за 45 млн тенге.\n";
  g_autoptr (KelDocument) doc = process ("МЕМОРАНДУМ\n\nАкимат района и ТОО «Ақ Бидай "
                                         "Нан» (далее – Товарищество) заключили меморандум.\n"
                                         "1. Товарищество отремонтирует спортзал школы № 4 "
                                         "за 40 млн тенге.\n");
  g_autoptr (KelDocument) two = process (minutes);
  g_autoptr (KelDocument) caps = process ("МЕМОРАНДУМ\n\nАкимат района и «Бидай Нан» АҚ "
                                          "(далее – Общество) заключили меморандум.\n1. "
                                          "Общество отремонтирует спортзал школы № 4 за 40 "
                                          "млн тенге.\n");
  guint found = 0;

  g_assert_cmpstr (doc->corporation, ==, "Ak Bidai Nan");
  g_assert_cmpstr (caps->corporation, ==, "Bidai Nan");
  for (guint k = 0; k < two->codings->len; k++)
    {
      const KelCoding *c = &g_array_index (two->codings, KelCoding, k);

      if (c->amount_kzt == 6e6)
        {
          g_assert_cmpstr (kel_coding_get_corporation (two, c), ==, "Ak Bidai Nan");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

/* A company's short name that begins its subsidiary's name ("TMC" and "TMC Drilling
 * Services") is not named there: the subsidiary is, and it is the company's. */
static void
test_parties_short_name_nested (void)
{
  g_autoptr (KelDocument) doc = process (
    "Re: Social commitments for 2025\n\nTobol Mining Company LLP (\u201cTMC\u201d) and its "
    "wholly owned subsidiary TMC Drilling Services LLP (\u201cTMC DS\u201d) confirm the "
    "projects they will carry out in 2025.\n1. TMC will finance the construction of a "
    "school in Aral village (KZT 900 million).\n2. TMC DS will sponsor the district "
    "volleyball team with KZT 5 million. TMC Drilling Services will also repair the "
    "roof of the village club for KZT 12 million.\n");

  g_assert_cmpstr (doc->corporation, ==, "Tobol Mining Company");
  g_assert_cmpuint (doc->codings->len, >, 0);
  assert_codings_of (doc, "Tobol Mining Company");
}

/* The index of the party whose key starts with @key in @parties, or -1. */
static int
party_index (GPtrArray *parties, const char *key)
{
  for (guint i = 0; i < parties->len; i++)
    if (g_str_has_prefix (((KelParty *) parties->pdata[i])->key, key))
      return (int) i;
  return -1;
}

/* Each way the parties' cues say that a company is another's subsidiary, or "the
 * Company", relates the parties it names: every cue is tried where its first word
 * stands, and must be found there. */
static void
test_parties_cues (void)
{
  static const struct {
    const char *text, *child, *parent;   /* parent NULL: the child is "the Company" */
  } cases[] = {
    { "ТОО «Кокжиек Агро», входящее в группу АО «Береке Инвест», построит склад.",
      "kokzhiek", "bereke" },
    { "ТОО «Кокжиек Агро» в составе холдинга АО «Береке Инвест» построит склад.",
      "kokzhiek", "bereke" },
    { "Tasbulak Water LLP, a member of the Bereke Invest JSC, will build a depot.",
      "tasbulak", "bereke" },
    { "АО «Береке Инвест» через свою дочернюю организацию ТОО «Кокжиек Агро» построит "
      "склад.", "kokzhiek", "bereke" },
    { "«Береке Инвест» АҚ-ның еншілес ұйымы «Көкжиек Агро» ЖШС қойма салады.",
      "kokzhiek", "bereke" },
    { "ТОО «Кокжиек Агро», именуемое в дальнейшем «Компания», построит склад.",
      "kokzhiek", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) parties = _kel_find_parties (kel_test_lexicon (), cases[i].text,
                                                         strlen (cases[i].text), 0);
      int child = party_index (parties, cases[i].child);

      g_assert_cmpint (child, >=, 0);
      if (cases[i].parent == NULL)
        g_assert_true (((KelParty *) parties->pdata[child])->defined);
      else
        {
          int parent = party_index (parties, cases[i].parent);

          g_assert_cmpint (parent, >=, 0);
          g_assert_cmpint (((KelParty *) parties->pdata[child])->parent, ==, parent);
        }
    }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/parties/names", test_parties_names);
  g_test_add_func ("/parties/loanwords", test_parties_loanwords);
  g_test_add_func ("/parties/skeleton", test_parties_skeleton);
  g_test_add_func ("/parties/document", test_parties_document);
  g_test_add_func ("/parties/across", test_parties_across);
  g_test_add_func ("/parties/not-across", test_parties_not_across);
  g_test_add_func ("/parties/across-items", test_parties_across_items);
  g_test_add_func ("/parties/known-index", test_parties_known_index);
  g_test_add_func ("/parties/items", test_parties_items);
  g_test_add_func ("/parties/short-names", test_parties_short_names);
  g_test_add_func ("/parties/fund", test_parties_fund);
  g_test_add_func ("/parties/own-fund", test_parties_own_fund);
  g_test_add_func ("/parties/summary-with-listed", test_parties_summary_with_listed);
  g_test_add_func ("/parties/group", test_parties_group);
  g_test_add_func ("/parties/second-memorandum", test_parties_second_memorandum);
  g_test_add_func ("/parties/tripartite", test_parties_tripartite);
  g_test_add_func ("/parties/sections", test_parties_sections);
  g_test_add_func ("/parties/stored-mentions", test_parties_stored_mentions);
  g_test_add_func ("/parties/group-in-quotes", test_parties_group_in_quotes);
  g_test_add_func ("/parties/corporation", test_parties_corporation);
  g_test_add_func ("/parties/one-name", test_parties_one_name);
  g_test_add_func ("/parties/object-names", test_parties_object_names);
  g_test_add_func ("/parties/list-subsidiaries", test_parties_list_subsidiaries);
  g_test_add_func ("/parties/running-header", test_parties_running_header);
  g_test_add_func ("/parties/beside", test_parties_beside);
  g_test_add_func ("/parties/long-forms", test_parties_long_forms);
  g_test_add_func ("/parties/list-aliases", test_parties_list_aliases);
  g_test_add_func ("/parties/several-with-listed", test_parties_several_with_listed);
  g_test_add_func ("/parties/latin-kazakh", test_parties_latin_kazakh);
  g_test_add_func ("/parties/company-kinds", test_parties_company_kinds);
  g_test_add_func ("/parties/one-word-across", test_parties_one_word_across);
  g_test_add_func ("/parties/form-word", test_parties_form_word);
  g_test_add_func ("/parties/short-name-nested", test_parties_short_name_nested);
  g_test_add_func ("/parties/cues", test_parties_cues);
  return g_test_run ();
}
