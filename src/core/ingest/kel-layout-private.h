/* kel-layout-private.h: what the files of the layout analysis share: the text being
 * written, and a region of a page rebuilt into lines, table rows and paragraphs. */
#pragma once

#include "kel-layout.h"

G_BEGIN_DECLS

/* Where the text of the pages goes while it is written. */
typedef struct {
  GString *text;
  GArray  *glyphs;    /* KelGlyph, offsets into @text; NULL without boxes */
  GArray  *spans;     /* KelOcrSpan, offsets into @text; NULL when not wanted */
  int      last_word; /* the OCR word of the last character written */
  guint    last_page;
  /* the page was laid out turned (a scan made level): boxes are turned back */
  float    turn_cos, turn_sin, turn_cx, turn_cy;
  gboolean turned;
} LayOut;

/* @r turned back onto the page as @out says: the box of its turned corners. */
KelRect    _kel_lay_unturn        (const LayOut    *out,
                                   const KelRect   *r);

/* One line of a region: a run of glyphs (sorted left to right, without the spaces at its
 * ends) and the cells that wide gaps split it into. */
typedef struct {
  guint a, b;
  float top, bottom;
  guint first_cell, n_cells;   /* into the region's cell array */
} LayLine;

typedef struct {
  guint a, b;                  /* glyph range, no spaces at either end */
  float x1, x2;
} LayCell;

/* What a region is written as: a line, or a table row made of several lines whose cells
 * wrap. */
typedef struct {
  guint    first, last;        /* lines [first, last) */
  gboolean row;                /* lines joined into one table row */
  gboolean blank_before;       /* paragraph spacing above it */
  KelRect  rect;
  gboolean title;              /* lines of a title in large type, written as one line */
  gboolean type_break;         /* a paragraph of its own for its type's size alone */
} LayItem;

/* A part of a page read on its own (a column, or the whole page): its glyphs sorted into
 * lines, and the lines grouped into items. */
typedef struct {
  GArray *glyphs;              /* KelLayoutGlyph */
  GArray *lines;               /* LayLine */
  GArray *cells;               /* LayCell */
  GArray *items;               /* LayItem */
  GArray *cuts;                /* float: x where a cell boundary is forced (side by side) */
  KelRect rect;
  gboolean side_by_side;       /* its items are rows of texts side by side */
  gboolean prose;              /* one text's column (a memorandum's text in one language
                                * beside the other's): a wide gap is a justified line's,
                                * never a cell's */
  gboolean whole;              /* a tile's text: one item, its lines written as one */
} LayRegion;

/* A cell of a ruled table: grid rows [@row1, @row2) and columns [@col1, @col2). */
typedef struct {
  guint      row1, col1, row2, col2;
  guint      page;
  KelRect    rect;
  GPtrArray *parts;            /* LayRegion: its text; a second one when its row goes on
                                * on the next page */
} LayCellBox;

/* A table found from its ruling lines. */
typedef struct {
  guint    page;
  KelRect  rect;
  guint    n_rows, n_cols, n_header_rows;
  GArray  *xs;                 /* float: the column boundaries */
  GArray  *cells;              /* LayCellBox, by top row, then left to right */
  /* across pages, found once every page is laid out */
  gboolean continued;          /* goes on from the table that ends the page before */
  guint    skip_rows;          /* its first rows repeat that table's header: left out */
  gboolean first_row_joined;   /* its next row ends that table's last row, and is
                                * written there */
  gboolean boxed;              /* a tile (kel-layout-tiles.c): one cell, read as a
                                * paragraph, not a table */
} LayTable;

/* What a part of a page is read as. */
typedef enum {
  LAY_PART_ACROSS,             /* across the page, between the zones with columns */
  LAY_PART_COLUMN,             /* a column of running text */
  LAY_PART_SIDEBAR,            /* a narrow column beside the text */
  LAY_PART_ROWS,               /* cells side by side, read row by row */
} LayPartKind;

/* A part of a page, read on its own: the glyphs whose middle lies in @rect. */
typedef struct {
  LayPartKind kind;
  KelRect     rect;
  GArray     *cuts;            /* ROWS: float x of the gutters, where cells divide */
  GArray     *breaks;          /* ROWS: float y where one row ends and the next begins */
  gboolean    own_text;        /* COLUMN: a text of its own (a memorandum's text in one
                                * language beside the other's): a paragraph of its own */
} LayPart;

/* The parts of a page in reading order, from the white space between its glyphs
 * (KelLayoutGlyph) and @tables (LayTable, may be NULL). LayPart. */
GArray    *_kel_lay_find_parts    (const GArray    *glyphs,
                                   const GPtrArray *tables,
                                   double           page_width);
/* Groups the lines of @region into one row between each two of @breaks (sorted). */
void       _kel_lay_region_rows   (LayRegion       *region,
                                   const GArray    *breaks);
float      _kel_lay_median_height (const GArray    *glyphs,
                                    float            none);
int        _kel_lay_compare_float (gconstpointer    a,
                                   gconstpointer    b);

/* A running header, running footer or page number: a line in a page's margin. */
typedef struct {
  guint        page;
  KelBlockKind kind;           /* HEADER, FOOTER or PAGE_NUMBER */
  KelRect      rect;
  GArray      *orders;         /* guint: the @order of each of its glyphs */
  gboolean     url;            /* it shows an address (a browser's print of a web page) */
  char        *text;           /* what it says */
} LayMargin;

/* The running headers, footers and page numbers of the pages whose glyphs are in @pages
 * (GArray of KelLayoutGlyph per page, NULL for a page without), of @heights. LayMargin. */
GArray    *_kel_lay_find_margins  (const GPtrArray *pages,
                                   const double    *heights);
gboolean   _kel_lay_is_page_number (const char     *text);

/* Builds the lines and items of the glyphs in @glyphs (taken); a gap at one of @cuts
 * (float x, may be NULL) is a cell boundary however narrow. */
/* The same for a column of running text only (LayRegion.prose). */
LayRegion *_kel_lay_region_new_prose (GArray        *glyphs);
LayRegion *_kel_lay_region_new    (GArray          *glyphs,
                                   GArray          *cuts);
void       _kel_lay_region_free   (LayRegion       *region);
/* Writes item @i of @region (no line break after it). */
void       _kel_lay_write_item    (LayOut          *out,
                                   const LayRegion *region,
                                   guint            i);
/* Writes item @item_a of @a and item @item_b of @b as one table row: a row that a page
 * break cut in two. */
void       _kel_lay_write_joined  (LayOut          *out,
                                   const LayRegion *a,
                                   guint            item_a,
                                   const LayRegion *b,
                                   guint            item_b);
/* Writes glyphs [@a, @b) of @glyphs as one line: a wide gap becomes '\t', a narrow one a
 * space, and so does a gap at one of @cuts (may be NULL). */
void       _kel_lay_write_run     (LayOut          *out,
                                   const GArray    *glyphs,
                                   guint            a,
                                   guint            b,
                                   const GArray    *cuts);
void       _kel_lay_emit_char     (LayOut          *out,
                                   gunichar         c,
                                   const KelRect   *r,
                                   const KelLayoutGlyph *src);
/* Whether the text written so far ends in a letter and a hyphen. */
gboolean   _kel_lay_ends_with_hyphen (const GString *text);
/* As _kel_lay_write_run(), every gap a space: the text of a table cell. */
void       _kel_lay_write_run_flat (LayOut         *out,
                                   const GArray    *glyphs,
                                   guint            a,
                                   guint            b);
/* Tables found from @rules (KelLayoutRule, may be NULL) on page @page; the glyphs inside
 * them are taken out of @glyphs. LayTable, top to bottom. */
GPtrArray *_kel_lay_tables_find   (const GArray    *rules,
                                   GArray          *glyphs,
                                   guint            page);
void       _kel_lay_table_free    (LayTable        *t);
/* Tiles framed by rules of @rules not yet @used (kel-layout-tiles.c): added to @tables as
 * boxed LayTables, their rules marked used and their glyphs taken out of @glyphs. */
void       _kel_lay_find_tiles    (const GArray    *rules,
                                   gboolean        *used,
                                   GArray          *glyphs,
                                   guint            page,
                                   GPtrArray       *tables);
/* Tiles with no frame (kel-layout-tiles.c): figures in large type level with each other,
 * each over its caption; added to @tables as boxed LayTables, their glyphs taken out of
 * @glyphs. */
void       _kel_lay_find_open_tiles (GArray        *glyphs,
                                   guint            page,
                                   GPtrArray       *tables);
/* Writes the lines of @region joined by spaces (none after a word hyphenated at a line's
 * end), a space before the first when text was written since @start. */
void       _kel_lay_write_whole   (LayOut          *out,
                                   const LayRegion *region,
                                   gsize            start);
/* Writes the text of a cell: its lines joined by spaces. */
void       _kel_lay_write_cell    (LayOut          *out,
                                   const LayCellBox *cell);
/* The text of a cell (newly allocated). */
char      *_kel_lay_cell_text     (const LayCellBox *cell);
/* Whether @s is a figure: digits, with spaces, commas, points, dashes, per cent. */
gboolean   _kel_lay_is_number     (const char      *s);
gboolean   _kel_lay_x_overlap     (float            a1,
                                   float            a2,
                                   float            b1,
                                   float            b2);

/* ---- the document while it is laid out (kel-layout.c) */

/* A block of a page while the document is laid out: items of one region (a paragraph, or
 * the rows of a table found from aligned columns). */
typedef struct _LBlock {
  LayRegion   *region;
  guint        first, last;     /* items [first, last) of @region */
  LayTable    *table;           /* or a ruled table */
  KelBlockKind kind;
  KelRect      rect;
  gboolean     blank_before;
  gboolean     left_out;
  struct _LBlock *cont;        /* a block on the next page whose first item ends this
                                * block's last row */
  gboolean     first_joined;   /* this block's first item was written with the row
                                * before it */
} LBlock;

typedef struct {
  gboolean   set;
  double     width, height;
  float      turn, turn_cx, turn_cy; /* see kel_layout_doc_set_turn() */
  GArray    *glyphs;            /* KelLayoutGlyph: all of the page's */
  GArray    *rules;             /* KelLayoutRule, or NULL */
  GPtrArray *regions;           /* LayRegion, in reading order */
  GPtrArray *tables;            /* LayTable */
  GArray    *blocks;            /* LBlock, in reading order */
} LPage;

struct _KelLayoutDoc {
  guint    n_pages;
  LPage   *pages;
  gboolean web;                 /* a web page printed by a browser */
  GString *running;             /* the running headers' and footers' texts, each once */
};

/* Across the pages (kel-layout-order.c): tables that go on from one page to the next, and
 * the order of the blocks as a person reads them: captions, tables set apart from the
 * sentence they interrupt, a web page's menu and footer, pull quotes. */
void       _kel_lay_link_tables   (KelLayoutDoc    *doc);
void       _kel_lay_order_blocks  (KelLayoutDoc    *doc);
/* The text of a block of items, newly allocated. */
char      *_kel_lay_block_text    (const LBlock    *b);

/* Writes the pages of @doc into @ext (kel-layout-write.c); @ext NULL writes page
 * @only_page alone and returns its text. */
char      *_kel_lay_write         (KelLayoutDoc    *doc,
                                   KelExtracted    *ext,
                                   gboolean         boxes,
                                   guint            only_page,
                                   gsize           *len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayRegion, _kel_lay_region_free)

G_END_DECLS
