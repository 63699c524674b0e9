/* kel-extract-pdf.c: reads PDFs with poppler-glib: the glyph boxes of each page's text
 * layer (and the ruling lines drawn on it) go to the layout analysis (kel-layout.c), and
 * pages without a usable text layer to OCR, whose words are laid out the same way. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kel-ingest-error.h"
#include "kel-extract-pdf-private.h"
#include "kel-extracted-private.h"
#include "kel-garble.h"
#include "kel-language.h"
#include "kel-layout.h"
#include "kel-ocr.h"
#include "kel-pdf-render.h"
#include "kel-rules.h"

/* A page whose text layer has fewer visible characters than this is taken as a scan. */
#define MIN_CHARS_PER_PAGE 16

/* What is known of one page while a PDF is read. */
typedef struct {
  char          *text;      /* its text as laid out on its own, for the checks */
  gsize          len;
  KelPageSource  source;
  gboolean       needs_ocr; /* no text layer, or a garbled one (AUTO), or ALWAYS */
  gboolean       garbled;
} PageOut;

/* One PDF being read. */
typedef struct {
  const char              *path;
  char                    *name;
  const KelExtractOptions *options;
  GCancellable            *cancellable;
  PopplerDocument         *doc;
  KelExtracted            *ext;
  KelLayoutDoc            *layout;
  PageOut                 *pages;
  guint                    n;
  char                    *languages;  /* the OCR models, once chosen */
  gboolean                 refine;     /* the first page OCR reads may change them */
  gboolean                 ocr_failed;
  guint                    ocr_total, ocr_done, n_blank;
  GPtrArray               *ocr_messages;
  GPtrArray               *ocr;        /* KelOcrResult of each page, or NULL */
} Reader;

static void
reader_clear (Reader *r)
{
  for (guint i = 0; r->pages != NULL && i < r->n; i++)
    g_free (r->pages[i].text);
  g_clear_pointer (&r->pages, g_free);
  g_clear_pointer (&r->name, g_free);
  g_clear_pointer (&r->languages, g_free);
  g_clear_pointer (&r->layout, kel_layout_doc_free);
  g_clear_pointer (&r->ext, kel_extracted_free);
  g_clear_pointer (&r->ocr_messages, g_ptr_array_unref);
  g_clear_pointer (&r->ocr, g_ptr_array_unref);
  g_clear_object (&r->doc);
}

/* Lays out @glyphs as page @i and keeps its text for the checks. */
static void
set_page (Reader *r, guint i, double w, double h, GArray *glyphs, GArray *rules)
{
  PageOut *po = &r->pages[i];

  kel_layout_doc_set_page (r->layout, i, w, h, glyphs, rules);
  g_free (po->text);
  po->text = kel_layout_doc_page_text (r->layout, i, &po->len);
}

/* The glyphs of a page's text layer (KelLayoutGlyph) from its @text and the boxes of its
 * characters (@rects, when @layout); @visible counts those that are not spaces. NULL when
 * the page has no text layer. */
static GArray *
text_layer_glyphs (const char *text, const PopplerRectangle *rects, guint n_rects,
                   gboolean layout, guint page_no, guint *visible)
{
  guint i = 0;
  GArray *glyphs;
  const char *p;

  *visible = 0;
  if (text == NULL || !layout)
    return NULL;
  glyphs = g_array_new (FALSE, FALSE, sizeof (KelLayoutGlyph));
  for (p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      KelLayoutGlyph g;

      if (c == '\n' || c == '\r')
        continue;
      g.c = c;
      g.r.x1 = rects[i].x1;
      g.r.y1 = rects[i].y1;
      g.r.x2 = rects[i].x2;
      g.r.y2 = rects[i].y2;
      g.ymid = (g.r.y1 + g.r.y2) / 2;
      g.order = i;
      g.word = -1;
      g.conf = 0;
      g.page = page_no;
      if (!g_unichar_isspace (c))
        (*visible)++;
      g_array_append_val (glyphs, g);
    }
  return glyphs;
}

/* OCR words as glyphs: each word's box is split evenly among its characters, and every
 * character takes the height of its text line, so that the words of a line (and the
 * cells of a table row) fall into one line of text. */
static GArray *
ocr_glyphs (GArray *words, guint page_no)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (KelLayoutGlyph));
  guint order = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      glong n = g_utf8_strlen (w->text, -1);
      float width = w->rect.x2 - w->rect.x1;
      const char *p = w->text;

      g_debug ("ocr p%u [%.1f %.1f %.1f %.1f] line [%.1f %.1f %.1f %.1f] %s", page_no + 1,
               w->rect.x1, w->rect.y1, w->rect.x2, w->rect.y2, w->line.x1, w->line.y1,
               w->line.x2, w->line.y2, w->text);
      for (glong k = 0; k < n; k++, p = g_utf8_next_char (p))
        {
          KelLayoutGlyph g;

          g.c = g_utf8_get_char (p);
          g.r.x1 = w->rect.x1 + width * k / n;
          g.r.x2 = w->rect.x1 + width * (k + 1) / n;
          g.r.y1 = MIN (w->line.y1, w->rect.y1);
          g.r.y2 = MAX (w->line.y2, w->rect.y2);
          g.ymid = (g.r.y1 + g.r.y2) / 2;
          g.order = order++;
          g.word = (int) i;
          g.conf = w->confidence;
          g.page = page_no;
          g_array_append_val (glyphs, g);
        }
    }
  return glyphs;
}

static char *
format_pages (GArray *pages)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  /* Runs of consecutive pages read better as ranges: "3-7, 9". */
  while (i < pages->len)
    {
      guint a = g_array_index (pages, guint, i), b = a;

      while (i + 1 < pages->len && g_array_index (pages, guint, i + 1) == b + 1)
        b = g_array_index (pages, guint, ++i);
      if (s->len > 0)
        g_string_append (s, ", ");
      if (a == b)
        g_string_append_printf (s, "%u", a);
      else
        g_string_append_printf (s, "%u–%u", a, b);
      i++;
    }
  return g_string_free (s, FALSE);
}

/* The Tesseract models for a document, from the language of its text-layer pages: kk and
 * ru documents mix both (and quote Russian names in Kazakh text), English ones need only
 * English; a document with both gets all three. NULL when no page tells. */
static char *
choose_languages (PageOut *pages, guint n)
{
  gboolean cyr = FALSE, en = FALSE;
  guint checked = 0;

  for (guint i = 0; i < n; i++)
    {
      KelLanguage lang;

      if (pages[i].needs_ocr || pages[i].text == NULL || pages[i].len < 200)
        continue;
      lang = kel_language_detect (pages[i].text, MIN (pages[i].len, 20000),
                                  KEL_LANG_UNKNOWN);
      cyr |= lang == KEL_LANG_KK || lang == KEL_LANG_RU;
      en |= lang == KEL_LANG_EN;
      if (++checked >= 8)
        break;
    }
  if (cyr && !en)
    return g_strdup ("kaz+rus");
  if (en && !cyr)
    return g_strdup ("eng");
  return checked > 0 ? g_strdup (KEL_OCR_DEFAULT_LANGUAGES) : NULL;
}

/* @format takes the file name, the list of pages and, if not NULL, @languages. */
static void
add_pages_warning (GPtrArray *warnings, GArray *list, const char *format, const char *name,
                   const char *languages)
{
  g_autofree char *pages = NULL;

  if (list->len == 0)
    return;
  pages = format_pages (list);
  g_ptr_array_add (warnings, g_strdup_printf (format, name, pages, languages));
}

/* Whether nothing at all is drawn on the page: rendered small on white, every pixel is
 * still white. Cheap (about 1/20 of the pixels of OCR's rendering). */
static gboolean
page_is_blank (PopplerPage *page, double w, double h)
{
  const double scale = 0.25;   /* 18 dpi: a line of text still leaves grey pixels */
  int pw = MAX (1, (int) ceil (w * scale)), ph = MAX (1, (int) ceil (h * scale));
  cairo_surface_t *surface;
  const guchar *data;
  gboolean blank = TRUE;
  int stride;

  if (w <= 0 || h <= 0 || pw > 4000 || ph > 4000)
    return FALSE;
  surface = kel_pdf_render_page (page, scale, pw, ph, CAIRO_FORMAT_RGB24, FALSE);
  if (surface == NULL)
    return FALSE;
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < ph && blank; y++)
    for (int x = 0; x < pw && blank; x++)
      {
        guint32 px = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
        /* near-white: a faint scanner background is no content either */
        blank = ((px >> 16) & 0xFF) >= 250 && ((px >> 8) & 0xFF) >= 250 && (px & 0xFF) >= 250;
      }
  cairo_surface_destroy (surface);
  return blank;
}


static PopplerDocument *
open_document (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  PopplerDocument *doc;

  kel_pdf_prepare_poppler ();
  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                     _("%s: the PDF is encrypted with a password; open it in a PDF "
                       "reader, save an unprotected copy and import that"), name);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                     _("%s: the PDF is damaged and cannot be read (%s)"), name,
                     local_error ? local_error->message : _("unknown error"));
      return NULL;
    }
  if (poppler_document_get_n_pages (doc) <= 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the PDF has no pages"), name);
      g_object_unref (doc);
      return NULL;
    }
  return doc;
}

/* The text layer of page @i, telling whether OCR must read it. */
static void
read_text_layer (Reader *r, guint i)
{
  g_autoptr (GObject) page_obj = (GObject *) poppler_document_get_page (r->doc, i);
  PopplerPage *page = (PopplerPage *) page_obj;
  PageOut *po = &r->pages[i];
  g_autoptr (GArray) glyphs = NULL;
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  KelRulesPage rp;
  GArray *rules;
  double w = 0, h = 0;
  guint visible = 0, n_rects = 0;
  gboolean layout;

  po->source = KEL_PAGE_SKIPPED;
  if (page == NULL)
    {
      g_ptr_array_add (r->ext->warnings,
                       g_strdup_printf (_("%s: page %d cannot be read"), r->name,
                                        (int) i + 1));
      g_array_append_val (r->ext->page_sizes, w);
      g_array_append_val (r->ext->page_sizes, h);
      return;
    }
  poppler_page_get_size (page, &w, &h);
  g_array_append_val (r->ext->page_sizes, w);
  g_array_append_val (r->ext->page_sizes, h);
  /* the text layer and the paths drawn for the rules in one pass over the page */
  layout = kel_rules_read_page (&rp, page, w, h, &text, &rects, &n_rects);
  glyphs = text_layer_glyphs (text, rects, n_rects, layout, i, &visible);
  if (visible < MIN_CHARS_PER_PAGE)
    {
      /* Whatever little text a scan has (a stamp, a page number) is noise. A page with
       * nothing drawn on it (an empty first page, the back of a sheet) needs no OCR and
       * is no failure: it is left out without a word. */
      gboolean blank = page_is_blank (page, w, h);

      po->needs_ocr = !blank;
      r->n_blank += blank;
      return;
    }
  rules = kel_rules_find_read (&rp, glyphs);
  set_page (r, i, w, h, g_steal_pointer (&glyphs), rules);
  po->source = KEL_PAGE_TEXT;
  if (r->options->ocr_mode == KEL_OCR_ALWAYS)
    po->needs_ocr = TRUE;
  else if (r->options->ocr_mode == KEL_OCR_AUTO && kel_garble_check (po->text, po->len, NULL))
    po->needs_ocr = po->garbled = TRUE;
}

/* Chooses the OCR models when a page needs them: the caller's, or from the language of
 * the text-layer pages; a whole scan is first read with every model and its first page
 * then tells. */
static void
prepare_ocr (Reader *r)
{
  g_autofree char *wanted = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < r->n; i++)
    any |= r->pages[i].needs_ocr;
  if (r->options->ocr_mode == KEL_OCR_NEVER || !any)
    return;
  wanted = r->options->ocr_languages != NULL ? g_strdup (r->options->ocr_languages)
                                             : choose_languages (r->pages, r->n);
  if (wanted == NULL)
    {
      wanted = g_strdup (KEL_OCR_DEFAULT_LANGUAGES);
      r->refine = TRUE;
    }
  r->languages = kel_ocr_available_languages (r->name, wanted, r->ocr_messages);
  r->ocr_failed = r->languages == NULL;
  for (guint i = 0; i < r->n && r->languages != NULL; i++)
    r->ocr_total += r->pages[i].needs_ocr;
}

/* Recognizes page @i. Returns FALSE when the run is cancelled (@error set); an OCR
 * failure stops OCR for the document, with its message kept for the warnings. Sets
 * @again when the page must be read again with the English model alone. */
static gboolean
ocr_page (Reader *r, guint i, gboolean *again, GError **error)
{
  g_autoptr (GObject) page_obj = NULL;
  g_autoptr (KelOcrResult) res = NULL;
  g_autoptr (GError) ocr_error = NULL;
  PageOut *po = &r->pages[i];
  double w = 0, h = 0;

  *again = FALSE;
  /* (a page read again with other models is not counted twice) */
  if (r->options->ocr_progress != NULL)
    r->options->ocr_progress (MIN (r->ocr_done, r->ocr_total - 1), r->ocr_total,
                              r->options->ocr_progress_data);
  r->ocr_done++;
  page_obj = (GObject *) poppler_document_get_page (r->doc, i);
  if (page_obj == NULL)
    return TRUE;
  res = kel_ocr_page ((PopplerPage *) page_obj, r->name, r->languages, r->cancellable,
                      &ocr_error);
  if (res == NULL)
    {
      if (g_error_matches (ocr_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&ocr_error));
          return FALSE;
        }
      g_ptr_array_add (r->ocr_messages, g_strdup (ocr_error->message));
      r->ocr_failed = TRUE;
      return TRUE;
    }
  poppler_page_get_size ((PopplerPage *) page_obj, &w, &h);
  set_page (r, i, w, h, ocr_glyphs (res->words, i),
            res->rules != NULL ? g_array_copy (res->rules) : NULL);
  kel_layout_doc_set_turn (r->layout, i, res->angle, res->center_x, res->center_y);
  g_clear_pointer (&r->ocr->pdata[i], kel_ocr_result_free);
  r->ocr->pdata[i] = g_steal_pointer (&res);
  po->source = KEL_PAGE_OCR;

  /* The Cyrillic models turn English words into look-alikes ("апа" for "and"): an
   * English scan is read again, with the English model alone. */
  if (r->refine && po->len >= 200)
    {
      g_autofree char *eng = NULL;

      r->refine = FALSE;
      if (kel_language_detect (po->text, po->len, KEL_LANG_UNKNOWN) == KEL_LANG_EN
          && g_strcmp0 (r->languages, "eng") != 0
          && (eng = kel_ocr_available_languages (r->name, "eng", NULL)) != NULL)
        {
          g_free (r->languages);
          r->languages = g_steal_pointer (&eng);
          po->source = KEL_PAGE_SKIPPED;
          *again = TRUE;
        }
    }
  return TRUE;
}

/* What OCR read wrong across the pages (see kel_ocr_fix_document()) put right, and the
 * pages laid out again. */
static void
fix_ocr_document (Reader *r)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new ();

  for (guint i = 0; i < r->n; i++)
    {
      KelOcrResult *res = r->ocr->pdata[i];
      g_ptr_array_add (words, res != NULL && r->pages[i].source == KEL_PAGE_OCR ? res->words
                                                                                : NULL);
    }
  if (!kel_ocr_fix_document (words))
    return;
  for (guint i = 0; i < r->n; i++)
    {
      KelOcrResult *res = r->ocr->pdata[i];
      const double *size = &g_array_index (r->ext->page_sizes, double, 2 * i);

      if (words->pdata[i] == NULL)
        continue;
      set_page (r, i, size[0], size[1], ocr_glyphs (res->words, i),
                res->rules != NULL ? g_array_copy (res->rules) : NULL);
      kel_layout_doc_set_turn (r->layout, i, res->angle, res->center_x, res->center_y);
    }
}

/* OCR, page after page: one PopplerDocument stays on one thread. */
static gboolean
ocr_pages (Reader *r, GError **error)
{
  for (guint i = 0; i < r->n && r->languages != NULL && !r->ocr_failed; i++)
    {
      gboolean again = FALSE;

      if (!r->pages[i].needs_ocr)
        continue;
      if (!ocr_page (r, i, &again, error))
        return FALSE;
      if (again)
        i--;
    }
  if (r->ocr_total > 0 && r->options->ocr_progress != NULL)
    r->options->ocr_progress (r->ocr_total, r->ocr_total, r->options->ocr_progress_data);
  fix_ocr_document (r);
  return TRUE;
}

/* The pages OCR read, or should have, by why: lists of 1-based page numbers. */
typedef struct {
  GArray *skipped, *ocr_blank, *ocr_garbled, *kept_garbled;
} PageLists;

static void
page_lists_clear (PageLists *l)
{
  g_clear_pointer (&l->skipped, g_array_unref);
  g_clear_pointer (&l->ocr_blank, g_array_unref);
  g_clear_pointer (&l->ocr_garbled, g_array_unref);
  g_clear_pointer (&l->kept_garbled, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageLists, page_lists_clear)

/* Puts the pages together in @r->ext, leaving out the pages that have no text. */
static void
assemble (Reader *r, PageLists *lists)
{
  lists->skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  lists->ocr_blank = g_array_new (FALSE, FALSE, sizeof (guint));
  lists->ocr_garbled = g_array_new (FALSE, FALSE, sizeof (guint));
  lists->kept_garbled = g_array_new (FALSE, FALSE, sizeof (guint));
  r->ext->page_sources = g_array_sized_new (FALSE, FALSE, sizeof (guint8), r->n);
  for (guint i = 0; i < r->n; i++)
    {
      PageOut *po = &r->pages[i];
      guint pno = i + 1;
      guint8 source = po->source;

      if (po->needs_ocr && po->source == KEL_PAGE_OCR)
        g_array_append_val (po->garbled ? lists->ocr_garbled : lists->ocr_blank, pno);
      else if (po->needs_ocr && po->garbled)
        g_array_append_val (lists->kept_garbled, pno);
      else if (po->needs_ocr && po->source != KEL_PAGE_TEXT)
        g_array_append_val (lists->skipped, pno);
      g_array_append_val (r->ext->page_sources, source);
      if (po->source == KEL_PAGE_SKIPPED)
        kel_layout_doc_clear_page (r->layout, i);
    }
  kel_layout_doc_write (r->layout, r->ext, (r->options->flags & KEL_EXTRACT_BOXES) != 0);
  r->ext->n_pages_ocr = lists->skipped->len + lists->ocr_blank->len + lists->ocr_garbled->len
                        + lists->kept_garbled->len;
}

/* FALSE with @error when no page could be read: all blank, or all scans without OCR. */
static gboolean
check_readable (Reader *r, const PageLists *lists, GError **error)
{
  guint n = r->n;

  if (r->n_blank == n)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   ngettext ("%s: the page is blank", "%s: all %d pages are blank", n),
                   r->name, n);
      return FALSE;
    }
  if (lists->skipped->len > 0 && lists->skipped->len + r->n_blank == n)
    {
      g_autofree char *why = NULL;

      if (r->ocr_messages->len > 0)
        {
          g_ptr_array_add (r->ocr_messages, NULL);
          why = g_strjoinv ("; ", (char **) r->ocr_messages->pdata);
        }
      if (why != NULL)
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                     _("%s: no page has a text layer (a scan?) and OCR is not available: "
                       "%s"), r->name, why);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                     ngettext ("%s: the page has no text layer (a scan?) and needs OCR",
                               "%s: none of the %d pages has a text layer (a scan?); "
                               "they need OCR", n), r->name, n);
      return FALSE;
    }
  return TRUE;
}

static void
add_warnings (Reader *r, const PageLists *l)
{
  GPtrArray *warnings = r->ext->warnings;

  for (guint k = 0; k < r->ocr_messages->len; k++)
    g_ptr_array_add (warnings, g_strdup (r->ocr_messages->pdata[k]));
  add_pages_warning (warnings, l->skipped,
                     ngettext ("%s: page %s has no text layer and needs OCR; it was skipped",
                               "%s: pages %s have no text layer and need OCR; they were "
                               "skipped", l->skipped->len),
                     r->name, NULL);
  add_pages_warning (warnings, l->kept_garbled,
                     ngettext ("%s: the text layer of page %s looks garbled (a bad OCR "
                               "pass?), but OCR is not available; its text was kept",
                               "%s: the text layer of pages %s looks garbled (a bad OCR "
                               "pass?), but OCR is not available; their text was kept",
                               l->kept_garbled->len),
                     r->name, NULL);
  /* With --ocr always the user knows; otherwise say which pages the engine read. */
  if (r->options->ocr_mode != KEL_OCR_ALWAYS)
    add_pages_warning (warnings, l->ocr_blank,
                       ngettext ("%s: page %s has no text layer; it was recognized by OCR "
                                 "(%s)",
                                 "%s: pages %s have no text layer; they were recognized by "
                                 "OCR (%s)", l->ocr_blank->len),
                       r->name, r->languages);
  add_pages_warning (warnings, l->ocr_garbled,
                     ngettext ("%s: the text layer of page %s is garbled (a bad OCR pass?); "
                               "it was recognized again by OCR (%s)",
                               "%s: the text layer of pages %s is garbled (a bad OCR pass?); "
                               "they were recognized again by OCR (%s)", l->ocr_garbled->len),
                     r->name, r->languages);
}

KelExtracted *
_kel_extract_pdf (const char *path, GBytes *bytes, const KelExtractOptions *options,
                  GCancellable *cancellable, GError **error)
{
  Reader r = { 0 };
  g_auto (PageLists) lists = { 0 };
  KelExtracted *ext = NULL;

  r.path = path;
  r.name = g_path_get_basename (path);
  r.options = options;
  r.cancellable = cancellable;
  r.doc = open_document (bytes, r.name, error);
  if (r.doc != NULL)
    {
      r.n = poppler_document_get_n_pages (r.doc);
      r.ext = _kel_extracted_new (path, KEL_SOURCE_PDF);
      r.ext->n_pages = r.n;
      r.ext->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * r.n);
      r.pages = g_new0 (PageOut, r.n);
      r.layout = kel_layout_doc_new (r.n);
      r.ocr_messages = g_ptr_array_new_with_free_func (g_free);
      r.ocr = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_ocr_result_free);
      g_ptr_array_set_size (r.ocr, r.n);

      /* First the text layer of every page, telling which pages OCR must read. */
      for (guint i = 0; i < r.n; i++)
        read_text_layer (&r, i);
      prepare_ocr (&r);
      if (ocr_pages (&r, error))
        {
          assemble (&r, &lists);
          if (check_readable (&r, &lists, error))
            {
              add_warnings (&r, &lists);
              ext = g_steal_pointer (&r.ext);
            }
        }
    }
  reader_clear (&r);
  return ext;
}
