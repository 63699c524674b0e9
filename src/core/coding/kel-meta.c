/* kel-meta.c: detects who signed a memorandum, with whom, for which year, and whether
 * it is a memorandum or a report on one; a metadata CSV can override each of them. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <pcre2.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-coding-error.h"
#include "kel-coder-private.h"
#include "kel-matcher.h"
#include "kel-meta.h"

/* The title and preamble name the parties; this much text holds them. */
#define HEAD_BYTES 6000

static void
meta_row_clear (gpointer data)
{
  KelMetaRow *row = data;

  g_free (row->document);
  g_free (row->corporation);
  g_free (row->counterpart);
  g_free (row->kind);
}

/* A row is in the table twice, under "file.pdf" and "file": it is reference counted. */
static void
meta_row_release (gpointer data)
{
  g_rc_box_release_full (data, meta_row_clear);
}

static void
set_str (char **dst, const char *src)
{
  char *copy = g_strdup (src);
  g_free (*dst);
  *dst = copy;
}

/* The metadata file's columns by their header (case and spaces aside); -1 if absent. */
typedef struct {
  int document, corporation, counterpart, year, kind;
} MetaColumns;

static MetaColumns
meta_columns (char **header)
{
  MetaColumns col = { -1, -1, -1, -1, -1 };

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *h = g_ascii_strdown (g_strstrip (header[i]), -1);
      if (strcmp (h, "document") == 0 || strcmp (h, "file") == 0)
        col.document = i;
      else if (strcmp (h, "corporation") == 0)
        col.corporation = i;
      else if (strcmp (h, "counterpart") == 0)
        col.counterpart = i;
      else if (strcmp (h, "year") == 0)
        col.year = i;
      else if (strcmp (h, "kind") == 0)
        col.kind = i;
    }
  return col;
}

/* A row of the metadata file (its line: line), or NULL: with error set if a year or a kind
 * is wrong, without if it names no document. */
static KelMetaRow *
meta_row_read (char **f, const MetaColumns *col, const char *path, guint line,
               GError **error)
{
  guint n = g_strv_length (f);
  KelMetaRow *row;

#define CELL(c) ((c) >= 0 && (guint) (c) < n && *g_strstrip (f[c]) ? g_strdup (f[c]) : NULL)
  if ((guint) col->document >= n || *g_strstrip (f[col->document]) == '\0')
    return NULL;
  row = g_rc_box_new0 (KelMetaRow);
  row->document = g_path_get_basename (g_strstrip (f[col->document]));
  row->corporation = CELL (col->corporation);
  row->counterpart = CELL (col->counterpart);
  row->kind = CELL (col->kind);
#undef CELL
  if (col->year >= 0 && (guint) col->year < n)
    {
      row->year = atoi (f[col->year]);
      if (*g_strstrip (f[col->year]) && (row->year < 1900 || row->year > 2200))
        {
          g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE,
                       _("%s: line %u: “%s” is not a year"), path, line, f[col->year]);
          meta_row_release (row);
          return NULL;
        }
    }
  if (row->kind != NULL && strcmp (row->kind, "memorandum") != 0
      && strcmp (row->kind, "report") != 0)
    {
      g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE,
                   _("%s: line %u: kind must be “memorandum” or “report”, not “%s”"),
                   path, line, row->kind);
      meta_row_release (row);
      return NULL;
    }
  return row;
}

/* The metadata file's rows, parsed: tab- or comma-separated, with a header. */
static GPtrArray *
meta_read_rows (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &text, &len, &local_error))
    {
      g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_IO, _("%s: cannot be read: %s"),
                   path, local_error->message);
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE,
                   _("%s: the metadata file is not UTF-8"), path);
      return NULL;
    }
  rows = kel_csv_parse (text, len, memchr (text, '\t', MIN (len, 4096)) ? '\t' : ',');
  if (rows->len == 0)
    {
      g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE,
                   _("%s: the metadata file is empty"), path);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GHashTable *
kel_meta_load_csv (const char *path, GError **error)
{
  g_autoptr (GPtrArray) rows = meta_read_rows (path, error);
  GHashTable *table;
  MetaColumns col;

  if (rows == NULL)
    return NULL;
  col = meta_columns (rows->pdata[0]);
  if (col.document < 0)
    {
      g_set_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE,
                   _("%s: the metadata file needs a “document” column naming each file"),
                   path);
      return NULL;
    }
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meta_row_release);
  for (guint r = 1; r < rows->len; r++)
    {
      g_autoptr (GError) row_error = NULL;
      KelMetaRow *row = meta_row_read (rows->pdata[r], &col, path, r + 1, &row_error);
      char *dot;

      if (row_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          g_hash_table_unref (table);
          return NULL;
        }
      if (row == NULL)
        continue;
      g_hash_table_insert (table, g_strdup (row->document), row);
      /* by its name without the extension too */
      dot = strrchr (row->document, '.');
      if (dot != NULL)
        g_hash_table_insert (table, g_strndup (row->document, dot - row->document),
                             g_rc_box_acquire (row));
    }
  return table;
}

void
kel_meta_apply (KelDocument *doc, GHashTable *table)
{
  KelMetaRow *row;

  g_return_if_fail (doc != NULL);
  if (table == NULL)
    return;
  row = g_hash_table_lookup (table, doc->name);
  if (row == NULL)
    {
      g_autofree char *stem = g_strdup (doc->name);
      char *dot = strrchr (stem, '.');
      if (dot != NULL)
        *dot = '\0';
      row = g_hash_table_lookup (table, stem);
    }
  if (row == NULL || row->document == NULL)
    return;
  if (row->corporation != NULL)
    set_str (&doc->corporation, row->corporation);
  if (row->counterpart != NULL)
    set_str (&doc->counterpart, row->counterpart);
  if (row->year > 0)
    doc->year = row->year;
  if (row->kind != NULL)
    doc->kind = kel_document_kind_from_string (row->kind);
}

/* Whether the name @nl bytes long at @p of @hay counts: it starts a word; inflected names
 * ("Казцинка", "Қазақмыстың") count, but a short acronym must be a whole word: "ERG" is not
 * in "energy". */
static gboolean
counts_at (const char *hay, const char *p, gsize nl)
{
  gboolean before = p > hay && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
  gboolean after = g_utf8_strlen (p, nl) <= 4 && p[nl] != '\0'
                   && g_unichar_isalnum (g_utf8_get_char (p + nl));

  /* «в фонд «Самұрық-Қазына Траст»»: a fund named after a company that receives is not
   * it */
  return !before && !after && !_kel_party_fund_receives (hay, p, p + nl);
}

/* Counts @needle in @hay where it counts (counts_at()), one place after another as
 * strstr() finds them: a place that overlaps the one before does not count. */
static guint
count_occurrences (const char *hay, const char *needle)
{
  guint n = 0;
  gsize nl = strlen (needle);

  if (nl == 0)
    return 0;
  for (const char *p = strstr (hay, needle); p != NULL; p = strstr (p + nl, needle))
    n += counts_at (hay, p, nl);
  return n;
}

/* Adds to @score (one per company of the list) @weight for each time one of the company's
 * aliases (not its canonical name) is named in the folded @hay, as count_occurrences()
 * counts each alias: one pass of the lexicon's index of folded aliases over @hay, where a
 * search per alias case-folded each alias anew and read the whole text once for each of
 * them. */
static void
score_aliases (const KelLexicon *lex, const char *hay, guint weight, guint *score)
{
  const KelAliasIndex *x = _kel_lexicon_get_alias_index (lex);
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  g_autofree gsize *next = g_new0 (gsize, x->folded->len + 1);
  gsize len = strlen (hay);

  _kel_prefilter_scan (x->pf, hay, len, 0, scratch, found);
  for (guint i = 0; i < found->len; i++)
    {
      const KelCandidate *c = &g_array_index (found, KelCandidate, i);
      const char *alias = x->folded->pdata[c->term];
      gsize nl = strlen (alias);

      /* the candidates come in the order of where they start */
      if (c->start < next[c->term] || c->start + nl > len
          || memcmp (hay + c->start, alias, nl) != 0)
        continue;
      next[c->term] = c->start + nl;
      if (counts_at (hay, hay + c->start, nl))
        score[g_array_index (x->corp, guint, c->term)] += weight;
    }
  for (guint k = 0; k < x->one_byte->len; k++)
    score[g_array_index (x->one_corp, guint, k)]
      += weight * count_occurrences (hay, x->one_byte->pdata[k]);
}

/* The index of the corporation named @name in @corps, or -1. */
static int
corporation_index (GPtrArray *corps, const char *name)
{
  for (guint i = 0; i < corps->len; i++)
    if (g_strcmp0 (((char **) corps->pdata[i])[0], name) == 0)
      return (int) i;
  return -1;
}

/* A company the list does not know wins over the list's best when the document names it
 * more and calls it "the Company", or when the list knows none (a party the document calls "the Company" counts DEFINED_BONUS more); a subsidiary
 * the document names as such counts for its group, known or not. */
#define DEFINED_BONUS 10

static const char *
unknown_party (GPtrArray *parties, GPtrArray *corps, guint *score, const gboolean *unnamed,
               guint best, const char *best_name)
{
  g_autofree guint *own = g_new0 (guint, parties->len + 1);
  int winner = -1;

  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];
      int g = _kel_party_group (parties, (int) i);
      guint s = 3 * p->head + p->body + (p->defined ? DEFINED_BONUS : 0);

      /* a party the list knows by a name in another script («Матен Петролеум» for "Maten
       * Petroleum"), which the aliases did not find as written, scores for it */
      if (p->known != NULL)
        {
          int k = corporation_index (corps, p->known);
          if (k >= 0 && unnamed[k])
            score[k] += s;
          continue;
        }
      if (g < 0)
        continue;
      if (((KelParty *) parties->pdata[g])->known != NULL)
        {
          int k = corporation_index (corps, ((KelParty *) parties->pdata[g])->known);
          if (k >= 0)
            score[k] += s;
        }
      else
        own[g] += s;
    }
  for (guint i = 0; i < corps->len; i++)
    if (score[i] > best)
      {
        best = score[i];
        best_name = ((char **) corps->pdata[i])[0];
      }
  /* beside a company of the list, only the party the document calls "the Company" */
  for (guint i = 0; i < parties->len; i++)
    if (own[i] > best && own[i] >= 2
        && (best_name == NULL || ((KelParty *) parties->pdata[i])->defined))
      {
        best = own[i];
        winner = i;
      }
  return winner >= 0 ? ((KelParty *) parties->pdata[winner])->name : best_name;
}

/* The company a document's running header or footer names, when its text names none (a
 * Word document whose header says «АО «…»» and whose body says only «Компания»): the
 * list's company named most there, else a company named there with its legal form. */
static const char *
running_corporation (const KelLexicon *lex, const char *running)
{
  GPtrArray *corps = kel_lexicon_get_corporations (lex);
  g_autofree char *fold = g_utf8_casefold (running, -1);
  g_autofree guint *score = g_new0 (guint, corps->len + 1);
  g_autoptr (GPtrArray) parties = NULL;
  const char *best_name = NULL;
  guint best = 0;

  score_aliases (lex, fold, 1, score);
  for (guint i = 0; i < corps->len; i++)
    if (score[i] > best)
      {
        best = score[i];
        best_name = ((char **) corps->pdata[i])[0];
      }
  if (best_name != NULL)
    return best_name;
  parties = _kel_find_parties (lex, running, strlen (running), 0);
  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];
      if (p->known != NULL || p->body > best)
        {
          best = p->known != NULL ? G_MAXUINT : p->body;
          best_name = p->known != NULL ? p->known : p->name;
        }
    }
  /* a party's name is the parties' own: the list's canonical name lives in the lexicon */
  return best_name != NULL ? g_intern_string (best_name) : NULL;
}

/* The company the document names most; a part of a group that the document names too
 * («Өзенмұнайгаз», a subsidiary of «ҚазМұнайГаз») scores for the group. */
static void
detect_corporation (KelDocument *doc, const KelLexicon *lex, const char *head_fold,
                    const char *body_fold, gsize head_len)
{
  GPtrArray *corps = kel_lexicon_get_corporations (lex);
  g_autofree guint *score = g_new0 (guint, corps->len + 1);
  g_autoptr (GPtrArray) parties = _kel_find_parties (lex, doc->norm->text, doc->norm->len,
                                                     head_len);
  g_autofree gboolean *unnamed = g_new0 (gboolean, corps->len + 1);
  guint best = 0;
  const char *best_name = NULL;

  /* the parties are named in the title and preamble */
  score_aliases (lex, head_fold, 3, score);
  score_aliases (lex, body_fold, 1, score);
  /* before a part's score goes to its group */
  for (guint i = 0; i < corps->len; i++)
    unnamed[i] = score[i] == 0;
  for (guint i = 0; i < corps->len; i++)
    {
      const char *parent = kel_lexicon_corporation_parent (lex, ((char **) corps->pdata[i])[0]);
      int p = parent != NULL ? corporation_index (corps, parent) : -1;

      if (p >= 0 && score[p] > 0 && score[i] > 0)
        {
          score[p] += score[i];
          score[i] = 0;
        }
    }
  for (guint i = 0; i < corps->len; i++)
    if (score[i] > best)
      {
        best = score[i];
        best_name = ((char **) corps->pdata[i])[0];
      }
  best_name = unknown_party (parties, corps, score, unnamed, best, best_name);
  if (best_name == NULL && doc->running != NULL)
    best_name = running_corporation (lex, doc->running);
  set_str (&doc->corporation, best_name);
}

static pcre2_code *
compile (const char *pattern)
{
  int err;
  PCRE2_SIZE off;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
  g_assert (code != NULL);
  return code;
}

static pcre2_code *re_akimat[3];
static pcre2_code *re_title_year;
static pcre2_code *re_dateline;
static pcre2_code *re_year;
static pcre2_code *re_results;

static gpointer
init_patterns (gpointer data)
{
  /* a name starts with a capital and goes on in lower case, unlike a title in capitals */
  const char *name = "\\p{Lu}\\p{Ll}[\\p{L}\\-]*";
  g_autofree char *ru = g_strdup_printf (
    "(?i:акимат(?:ом|а|у|е)?)\\s+((?:(?i:города|г\\.)\\s+%s)|(?:%s(?:\\s+%s)?\\s+(?i:области|"
    "района|обл\\.)))", name, name, name);
  g_autofree char *kk = g_strdup_printf (
    "(%s(?:\\s+%s)?\\s+(?i:облысының|қаласының|ауданының))\\s+(?i:әкімдігі)", name, name);
  g_autofree char *en = g_strdup_printf (
    "(?i:akimat)\\s+of\\s+(?:the\\s+)?((?:(?i:city|town)\\s+of\\s+)?%s(?:\\s+%s)?"
    "(?:\\s+(?i:region|district|oblast))?)", name, name);

  re_akimat[0] = compile (ru);
  re_akimat[1] = compile (kk);
  re_akimat[2] = compile (en);
  re_title_year = compile ("(?i)(?:на|за|в|for|in|of)\\s+(?:the\\s+year\\s+)?((?:19|20)\\d\\d)"
                           "(?:\\s*(?:год|г\\.|year))?(?!\\d)"
                           "|(?<!\\d)((?:19|20)\\d\\d)\\s*(?:жыл(?:ға|ы|дың|ғы)?)(?!\\p{L})"
                           /* "Sustainability Report 2025", «Годовой отчёт 2024» */
                           "|(?:report|отч[её]т|есеп)\\s+((?:19|20)\\d\\d)(?![\\d.])");
  re_year = compile ("(?<![\\d.,])((?:19|20)\\d\\d)(?![\\d])");
  /* a document's date in full: "4 March 2025", «21» января 2014 года, "2019 жылғы 5 наурыз",
   * "16.02.2015" */
  re_dateline = compile (
    "(?i)(?<!\\d)(?:«\\s*)?\\d{1,2}(?:\\s*»)?\\s+(?:january|february|march|april|may|june|july|"
    "august|september|october|november|december|января|февраля|марта|апреля|мая|июня|июля|"
    "августа|сентября|октября|ноября|декабря)\\s+((?:19|20)\\d\\d)(?!\\d)"
    "|(?<!\\d)((?:19|20)\\d\\d)\\s*жылғы\\s+\\d{1,2}\\s+(?:қаңтар|ақпан|наурыз|сәуір|мамыр|"
    "маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
    "|(?<![\\d.])\\d{2}\\.\\d{2}\\.((?:19|20)\\d\\d)(?!\\d)");
  /* the head says which year's results it gives: "Об итогах социального партнёрства в 2019
   * году", "итоги 2019 года", "отчёт … за 2019 год", "2019 жылғы … қорытындысы", "2019
   * жылдың қорытындылары", "results of 2019", "report for 2019", "2019 results"; or the
   * companies' contribution in that year that minutes discuss ("О вкладе недропользователей
   * в развитие области в 2024 году", "компаниялардың 2024 жылы … дамуына қосқан үлесі
   * туралы", "contribution … in 2024") */
  re_results = compile (
    "(?i)(?<!\\p{L})(?:итог\\p{L}*|отч[её]т\\p{L}*|результат\\p{L}*|исполнени\\p{L}*|"
    "выполнени\\p{L}*|қорытынд\\p{L}*|нәтиже\\p{L}*|есеб\\p{L}*|есеп|results?|report\\p{L}*|"
    "outcomes?|review|achievements|вклад\\p{L}*|contributions?)"
    "\\s+(?:[^\\s.;:]+\\s+){0,6}?(?:(?:в|за|in|for|of)\\s+"
    "(?:the\\s+year\\s+)?)?((?:19|20)\\d\\d)(?!\\d)(?!\\s*[-–—]\\s*(?:19|20)\\d\\d)"
    "|(?<![\\d.,])((?:19|20)\\d\\d)\\s*(?:жыл\\p{L}*\\s+)?(?:[^\\s.;:]+\\s+){0,5}?"
    "(?:қорытынд|нәтиже|үлес|results|in\\s+review)\\p{L}*");
  return NULL;
}

static void
detect_counterpart (KelDocument *doc, const char *head)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  pcre2_match_data *md = pcre2_match_data_create (4, NULL);
  gsize len = strlen (head);

  for (int k = 0; k < 3; k++)
    {
      gsize pos = 0;
      while (pos < len && pcre2_match (re_akimat[k], (PCRE2_SPTR) head, len, pos, 0, md,
                                       NULL) > 1)
        {
          PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
          g_autofree char *m = g_strndup (head + ov[2], ov[3] - ov[2]);
          g_autofree char *fold = NULL;
          char *name;
          gboolean dup = FALSE;

          pos = ov[1];
          name = k == 0 ? g_strconcat ("акимат ", m, NULL)
                 : k == 1 ? g_strconcat (m, " әкімдігі", NULL)
                 : g_strconcat ("Akimat of ", m, NULL);
          fold = g_utf8_casefold (name, -1);
          for (guint i = 0; i < found->len && !dup; i++)
            {
              g_autofree char *f = g_utf8_casefold (found->pdata[i], -1);
              dup = strcmp (f, fold) == 0;
            }
          if (dup)
            g_free (name);
          else
            g_ptr_array_add (found, name);
          if (found->len >= 3)
            break;
        }
    }
  pcre2_match_data_free (md);
  if (found->len > 0)
    {
      g_ptr_array_add (found, NULL);
      g_free (doc->counterpart);
      doc->counterpart = g_strjoinv ("; ", (char **) found->pdata);
      g_ptr_array_set_size (found, found->len - 1);
    }
}

/* In a memorandum, a year "in 2024" / «в 2013 году» after the memorandum's own date, and
 * before it, is what the preamble recalls ("The Parties acknowledge that in 2024 the Company
 * built…"), not the year the memorandum is for: then the date's year; else @year. "For
 * 2025", «на 2014 год» are the document's, wherever they stand. (A report's "In 2024 the
 * Company…" is the year it reports on.) */
static int
past_mention (const char *head, gsize at, int year)
{
  g_autofree char *before = NULL;
  pcre2_match_data *md;
  int dated = 0;

  if (g_ascii_strncasecmp (head + at, "in", 2) != 0 && strncmp (head + at, "в", 2) != 0
      && strncmp (head + at, "В", 2) != 0)
    return year;
  before = g_utf8_casefold (head, at);
  if (strstr (before, "memorandum") == NULL && strstr (before, "меморандум") == NULL)
    return year;
  md = pcre2_match_data_create (4, NULL);
  if (pcre2_match (re_dateline, (PCRE2_SPTR) head, at, 0, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int g = 1;

      while (g < 4 && ov[2 * g] == PCRE2_UNSET)
        g++;
      if (g < 4)
        dated = atoi (head + ov[2 * g]);
    }
  pcre2_match_data_free (md);
  return dated > year ? dated : year;
}

/* The document's year; *@named is set when its title names it as a report's ("Social
 * Report 2024"), which then is the year reported on. */
static int
detect_year (const char *head, gsize title_len, const char *text, gsize len, gboolean *named)
{
  pcre2_match_data *md = pcre2_match_data_create (4, NULL);
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  int year = 0, best = 0;
  gsize pos = 0;

  /* "на 2016 год", "for 2022", "2023 жылға" in the title decide */
  if (pcre2_match (re_title_year, (PCRE2_SPTR) head, title_len, 0, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int g = 1;

      while (g < 3 && ov[2 * g] == PCRE2_UNSET)
        g++;
      year = atoi (head + ov[2 * g]);
      *named = g == 3;
      if (g == 1)
        year = past_mention (head, ov[0], year);
      pcre2_match_data_free (md);
      return year;
    }
  /* else the year the text names most often */
  len = MIN (len, (gsize) 200000);
  while (pos < len && pcre2_match (re_year, (PCRE2_SPTR) text, len, pos, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int y = atoi (text + ov[2]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (y))) + 1;

      g_hash_table_insert (counts, GINT_TO_POINTER (y), GUINT_TO_POINTER (n));
      if ((int) n > best || ((int) n == best && y > year))
        {
          best = n;
          year = y;
        }
      pos = ov[1];
    }
  pcre2_match_data_free (md);
  return year;
}

/* The years a document speaks for: a memorandum's term when its head states one ("на
 * 2016–2018 годы", "2019-2021 жылдарға", "for 2019–2021"), else its year. */
static void
detect_period (KelDocument *doc, const char *head, gsize title_len)
{
  static pcre2_code *range;
  static gsize once = 0;
  pcre2_match_data *md;

  doc->period_start = doc->period_end = doc->year;
  if (g_once_init_enter (&once))
    {
      range = compile ("(?i:for|на|за|on)\\s+((?:19|20)\\d\\d)\\s*(?:[-–—]|\\s(?:to|до|по)\\s)\\s*"
                       "((?:19|20)\\d\\d)(?!\\d)|((?:19|20)\\d\\d)\\s*(?:[-–—]|\\s(?:to|до|по)\\s)\\s*"
                       "((?:19|20)\\d\\d)\\s*(?i:годы|годах|гг|жылдар|жж|years)");
      g_once_init_leave (&once, 1);
    }
  md = pcre2_match_data_create (5, NULL);
  if (doc->year > 0 && pcre2_match (range, (PCRE2_SPTR) head, title_len, 0, 0, md, NULL) > 2)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int g = ov[2] != PCRE2_UNSET ? 1 : 3;
      int from = atoi (head + ov[2 * g]), to = atoi (head + ov[2 * g + 2]);

      if (from <= doc->year && to >= from && to - from <= 10)
        {
          doc->period_start = from;
          doc->period_end = to;
        }
    }
  pcre2_match_data_free (md);
}

/* A report dated the year after the year it reports on ("2024 жылғы 19 қаңтардағы № …",
 * then "2023 жылға арналған … меморандумды орындауы туралы"): its period is that year, so
 * that what it reports is not taken for an earlier year's. The year before the document's
 * must stand in its title, before its first numbered clause. */
static void
report_period (KelDocument *doc, const char *head, gsize title_len)
{
  g_autofree char *year = NULL;

  if (doc->kind != KEL_KIND_REPORT || doc->year <= 0 || doc->period_start != doc->year
      || doc->period_end != doc->year)
    return;
  year = g_strdup_printf ("%d", doc->year - 1);
  for (const char *p = head; (p = g_strstr_len (p, head + title_len - p, year)) != NULL; p += 4)
    if ((p == head || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[4]))
      {
        doc->period_start = doc->period_end = doc->year - 1;
        return;
      }
}

/* A document that gives the results of the year before its own (minutes of January 2020
 * "Об итогах социального партнёрства в 2019 году", a report, a press release on "2022
 * results") speaks for that year too: what it reports as done then is no earlier year's
 * background. A memorandum, which looks ahead, keeps its term. */
static void
results_period (KelDocument *doc, const char *head, gsize head_len)
{
  pcre2_match_data *md;
  gsize pos = 0;

  if (doc->kind == KEL_KIND_MEMORANDUM || doc->year <= 0 || doc->period_start != doc->year
      || doc->period_end != doc->year)
    return;
  md = pcre2_match_data_create (3, NULL);
  while (pos < head_len
         && pcre2_match (re_results, (PCRE2_SPTR) head, head_len, pos, 0, md, NULL) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int g = ov[2] != PCRE2_UNSET ? 1 : 2;

      pos = ov[1];
      if (atoi (head + ov[2 * g]) == doc->year - 1)
        {
          doc->period_start = doc->year - 1;
          if (doc->kind == KEL_KIND_REPORT)
            doc->period_end = doc->year - 1;
          break;
        }
    }
  pcre2_match_data_free (md);
}

void
kel_meta_detect (KelDocument *doc, const KelLexicon *lex)
{
  static GOnce once = G_ONCE_INIT;
  const char *text;
  gsize len, head_len, title_len;
  g_autofree char *head = NULL, *head_fold = NULL, *body_fold = NULL, *title_fold = NULL;
  g_autofree char *title_long = NULL;
  gboolean report_named = FALSE;

  g_return_if_fail (doc != NULL && doc->norm != NULL);
  g_once (&once, init_patterns, NULL);

  text = doc->norm->text;
  len = doc->norm->len;
  head_len = MIN (len, (gsize) HEAD_BYTES);
  while (head_len < len && (text[head_len] & 0xC0) == 0x80)
    head_len++;
  head = g_strndup (text, head_len);
  for (char *p = head; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\f')
      *p = ' ';

  /* The title: what comes before the first numbered section, at most 600 bytes. */
  title_len = MIN (head_len, (gsize) 600);
  if (doc->segments != NULL)
    for (guint i = 0; i < doc->segments->len; i++)
      {
        const KelSegment *s = &g_array_index (doc->segments, KelSegment, i);
        if (s->clause != NULL && s->kind != KEL_SEGMENT_TABLE_ROW)
          {
            title_len = MIN (title_len, s->start);
            break;
          }
      }
  /* never in the middle of a character: PCRE2 would refuse the whole title */
  while (title_len > 0 && (head[title_len] & 0xC0) == 0x80)
    title_len--;

  head_fold = g_utf8_casefold (head, -1);
  body_fold = g_utf8_casefold (text, MIN (len, (gsize) 200000));
  detect_corporation (doc, lex, head_fold, body_fold, head_len);
  detect_counterpart (doc, head);
  doc->year = detect_year (head, title_len, text, len, &report_named);
  detect_period (doc, head, title_len);

  title_fold = g_utf8_casefold (head, MIN (title_len, (gsize) 400));
  /* a letter's sender, number and addressee may come before its title */
  title_long = g_utf8_casefold (head, title_len);
  /* an execution report names the memorandum it reports on: "Информация об исполнении
   * Меморандума", "меморандумды орындауы туралы ақпарат" */
  if (strstr (title_fold, "отчет") || strstr (title_fold, "отчёт")
      || strstr (title_fold, "report") || strstr (title_fold, "есеп")
      || strstr (title_long, "об исполнении")
      || (strstr (title_long, "орында") && strstr (title_long, "ақпарат"))
      /* "меморандумның орындалуы жөнінде ЕСЕП" after a letter's sender and addressee */
      || (strstr (title_long, "меморандум") && strstr (title_long, "орындал")
          && strstr (title_long, "есеп")))
    doc->kind = KEL_KIND_REPORT;
  else if (strstr (title_fold, "меморандум") || strstr (title_fold, "memorandum")
           || strstr (title_fold, "соглашени") || strstr (title_fold, "келісім")
           || strstr (title_fold, "agreement"))
    doc->kind = KEL_KIND_MEMORANDUM;
  else
    doc->kind = KEL_KIND_UNKNOWN;
  /* "Sustainability Report 2025" reports on 2025, whatever years its title compares */
  if (!report_named)
    report_period (doc, head, title_len);
  results_period (doc, head, head_len);
}
