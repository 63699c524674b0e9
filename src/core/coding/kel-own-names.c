/* kel-own-names.c: the names of organisations in a segment's text, whose words are no
 * evidence of an item. A company's own name is written with its legal form, before or
 * after it («Асфальтобетон-1» after АО, "Centras Insurance" before JSC, «…» ЖШС), and a
 * state body's name runs from its kind on («Управление предпринимательства и …»,
 * "Department of Entrepreneurship", «кәсіпкерлік басқармасы»): "asphalt" in a road
 * builder's name, "entrepreneurship" in a department's are no commitment. A
 * social-entrepreneurial corporation's name (СПК, ӘКК) is itself a channel of
 * infrastructure and keeps its words. */
#include "config.h"

#include "kel-coder-private.h"

/* A name in quotes, one level of inner quotes allowed («Страховая компания «Сентрас
 * Иншуранс»»). */
#define QUOTED "(?:«(?:[^«»]|«[^«»]*»)*»|“[^“”]*”|\"[^\"]*\")"

/* A word of a Russian body's name after its kind: lower-case, and not a verb's ending
 * ("Комиссия провела" names no commission of "провела"). */
#define RU_NAME_WORD "(?![\\p{Ll}-]*(?:л|ла|ли|ло|ет|ит|ют|ят|ть|ся|сь)(?!\\p{L}))[\\p{Ll}-]+"

/* A word of a Kazakh body's name before its kind: not in a case that makes it an object
 * of the sentence (accusative, dative, locative, ablative), "және" aside. */
#define KK_NAME_WORD "(?:және|(?![\\p{L}-]*(?:ын|ін|ны|ні|ды|ді|ты|ті|на|не|ға|ге|қа|ке|да|де|та|те)(?!\\p{L}))[\\p{L}-]+)"

static const char *const patterns[] = {
  /* a legal form, then the name: АО «…», ТОО «…», акционерное общество «…» */
  "(?-i)(?<!\\p{L})(?:АО|ТОО|АҚ|ЖШС|ПАО|ООО|ОАО|ЗАО|МФО|LLP|JSC|(?i:акционерн\\p{L}*\\s+обществ\\p{L}*"
  "|товариществ\\p{L}*\\s+с\\s+ограниченной\\s+ответственностью"
  "|акционерлік\\s+қоғам\\p{L}*|жауапкершілігі\\s+шектеулі\\s+серіктестік\\p{L}*))\\s*(" QUOTED ")",
  /* the name, then its legal form: «…» ЖШС, "…" LLP */
  "(" QUOTED ")\\s*(?-i:ЖШС|АҚ|LLP|JSC|Ltd|LLC)(?!\\p{L})",
  /* an English name in capitals before its legal form: KMF Microfinance Organization LLP */
  "(?-i)((?<![\\p{L}\\d])(?:\\p{Lu}[\\p{L}\\d’'&.-]*\\s+){0,5}\\p{Lu}[\\p{L}\\d’'&.-]*)\\s+(?:LLP|JSC|Ltd|LLC)(?!\\p{L})",
  /* a Russian body: its kind, then its name's words */
  "(?-i)((?<!\\p{L})(?:Управлени[еяю]|Отдел[ау]?|Департамент[ау]?|Министерств[оау]|Комисси[яию]"
  "|Комитет[ау]?|Палат[аыу]|Агентств[оау])(?:\\s+по\\s+(?:вопросам|делам))?(?:\\s+" RU_NAME_WORD "){1,4})",
  /* a Kazakh body: its name's words, then its kind */
  "((?<!\\p{L})(?:" KK_NAME_WORD "\\s+){1,3}(?:басқармасы|бөлімі|департаменті|комиссиясы|министрлігі"
  "|комитеті|палатасы)\\p{L}*)",
  /* an English body: its kind, then its name in capitals, or the name before its kind */
  "(?-i)((?<!\\p{L})(?:Department|Ministry|Commission|Committee|Chamber|Agency|Directorate)"
  "\\s+(?:of|on|for)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}-]*(?:\\s+(?:and|&)\\s+|\\s+|(?=\\P{L})|$)){1,4})",
  "(?-i)((?<!\\p{L})(?:\\p{Lu}[\\p{L}-]*\\s+(?:(?:and|&)\\s+)?){1,3}"
  "(?:Department|Ministry|Commission|Committee|Directorate))(?!\\p{L})",
};

/* A social-entrepreneurial corporation's name keeps its words: it is the channel. */
#define CHANNEL "предпринимательск\\p{L}*\\s+корпорац|кәсіпкерлік\\s+корпорац|enterprise\\s+corporation|entrepreneurial\\s+corporation"

static pcre2_code *codes[G_N_ELEMENTS (patterns)];
static pcre2_code *channel_code;

static gpointer
compile_codes (gpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    codes[i] = _kel_coding_compile (patterns[i]);
  channel_code = _kel_coding_compile (CHANNEL);
  return NULL;
}

static gboolean
is_channel (const char *flat, gsize start, gsize end, pcre2_match_data *md)
{
  return pcre2_jit_match (channel_code, (PCRE2_SPTR) flat + start, end - start, 0, 0, md,
                          NULL) >= 0;
}

static void
drop_within (GArray *hits, gsize start, gsize end)
{
  for (guint i = hits->len; i-- > 0;)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      if (h->start >= start && h->end <= end)
        g_array_remove_index (hits, i);
    }
}

void
_kel_own_names_drop_hits (const char *flat, gsize len, GArray *hits)
{
  static GOnce once = G_ONCE_INIT;
  pcre2_match_data *md;

  if (hits->len == 0)
    return;
  g_once (&once, compile_codes, NULL);
  md = pcre2_match_data_create (4, NULL);
  for (guint p = 0; p < G_N_ELEMENTS (codes) && hits->len > 0; p++)
    {
      PCRE2_SIZE at = 0;

      while (at < len
             && pcre2_jit_match (codes[p], (PCRE2_SPTR) flat, len, at, 0, md, NULL) >= 0)
        {
          PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
          gsize ns = ov[2], ne = ov[3];

          if (!is_channel (flat, ns, ne, md))
            drop_within (hits, ns, ne);
          /* is_channel() reused the match data: the next search starts after this name */
          at = MAX (ne, at + 1);
          while (at < len && (flat[at] & 0xC0) == 0x80)
            at++;
        }
    }
  pcre2_match_data_free (md);
}
