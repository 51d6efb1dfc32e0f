/* osl-review-log.c: every answer, appended durably to a JSON Lines file
 *
 * The log is the only record of a learner's progress: card states are
 * rebuilt from it by replaying FSRS, so it never needs rewriting. Each
 * answer is one line written with one write() and flushed with
 * fdatasync() before the app moves on, so a crash loses at most the
 * answer being written. That line, if torn, is found on the next start,
 * kept aside with the original file, and every earlier answer loads.
 *
 *   {"format":"os-lens/review-log","version":1}
 *   {"card":"vc-05","time":1736164800000,"rating":4,"grade":3}
 *   {"undo":1736164805000}
 *
 * An undo line takes back the latest answer not yet taken back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>
#include <inttypes.h>

#include "osl-deck.h"
#include "osl-id-table.h"
#include "osl-json-file.h"
#include "osl-review-log.h"

#define HEADER_LINE "{\"format\":\"" OSL_REVIEW_LOG_FORMAT "\",\"version\":1}\n"
/* 1970 to 2999: anything outside is not a time this app wrote. */
#define MAX_TIME G_GINT64_CONSTANT (32503680000000)

struct _OslReviewLog
{
  char       *path;         /* NULL for a log that is not saved */
  int         fd;           /* opened on the first append */
  /* Plain arrays rather than GArrays: a long history appends a
   * million entries on opening, and each append is a few stores. */
  OslReviewEntry *entries;
  guint       n_entries;
  guint      *live;         /* indices of entries not undone, in order */
  guint       n_live;
  guint       allocated;    /* room in entries and in live */
  OslIdTable *card_ids;
  GArray     *last_review;  /* per card: its latest live entry */
  char       *recovery;     /* what was repaired on opening, or NULL */
};

typedef struct
{
  gboolean    is_undo;
  const char *card;
  gsize       card_length;
  char       *card_owned;
  gint64      time;
  guint       rating;
  guint       grade;
} Line;

/* @expected_entries: room to reserve, so that reading a long history
 * does not copy it again and again as the arrays grow */
static OslReviewLog *
review_log_new (const char *path,
                guint       expected_entries)
{
  OslReviewLog *log = g_new0 (OslReviewLog, 1);

  log->path = g_strdup (path);
  log->fd = -1;
  log->allocated = MAX (expected_entries, 64);
  log->entries = g_new (OslReviewEntry, log->allocated);
  log->live = g_new (guint, log->allocated);
  log->card_ids = osl_id_table_new ();
  log->last_review = g_array_new (FALSE, FALSE, sizeof (guint32));
  return log;
}

static guint32
intern_card (OslReviewLog *log,
             const char   *id,
             gsize         length)
{
  guint32 card = osl_id_table_intern (log->card_ids, id, length);
  guint32 none = OSL_REVIEW_LOG_NONE;

  if (card == log->last_review->len)
    g_array_append_val (log->last_review, none);
  return card;
}

static void
add_review (OslReviewLog *log,
            guint32       card,
            gint64        time,
            guint         rating,
            guint         grade)
{
  guint32 *last = &g_array_index (log->last_review, guint32, card);
  guint index = log->n_entries;

  if (index == log->allocated)
    {
      log->allocated *= 2;
      log->entries = g_renew (OslReviewEntry, log->entries, log->allocated);
      log->live = g_renew (guint, log->live, log->allocated);
    }
  log->entries[index] = (OslReviewEntry) { time, card, *last, rating, grade, FALSE };
  log->live[log->n_live++] = index;
  log->n_entries++;
  *last = index;
}

static gboolean
take_back_latest (OslReviewLog *log,
                  guint        *undone_index)
{
  OslReviewEntry *entry;
  guint index;

  if (log->n_live == 0)
    return FALSE;
  index = log->live[--log->n_live];
  entry = &log->entries[index];
  entry->undone = TRUE;
  g_array_index (log->last_review, guint32, entry->card) = entry->previous;
  if (undone_index != NULL)
    *undone_index = index;
  return TRUE;
}

/* Reads up to 15 digits: more cannot be a time or a rating. */
static const char *
parse_digits (const char *p,
              const char *end,
              gint64     *value)
{
  const char *start = p, *limit = p + MIN (end - p, 15);
  gint64 v = 0;
  guint digit;

  for (; p < limit && (digit = (guchar) *p - '0') < 10; p++)
    v = v * 10 + digit;
  *value = v;
  return p > start ? p : NULL;
}

/* Skips @text at @p, or returns NULL. */
static const char *
expect (const char *p,
        const char *end,
        const char *text,
        gsize       length)
{
  if (p == NULL || (gsize) (end - p) < length || memcmp (p, text, length) != 0)
    return NULL;
  return p + length;
}

#define EXPECT(p, end, literal) expect ((p), (end), (literal), sizeof (literal) - 1)

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/* The exact form this file writes, read without a JSON parser: a
 * million answers must load in well under a second. */
static gboolean
parse_line_fast (const char *p,
                 const char *end,
                 Line       *line)
{
  gint64 rating = 0, grade = 0;
  const char *q;

  if ((q = EXPECT (p, end, "{\"undo\":")) != NULL)
    {
      line->is_undo = TRUE;
      q = parse_digits (q, end, &line->time);
      return EXPECT (q, end, "}") == end;
    }
  if ((q = EXPECT (p, end, "{\"card\":\"")) == NULL)
    return FALSE;
  line->card = q;
  while (q < end && is_id_char (*q))
    q++;
  line->card_length = q - line->card;
  q = EXPECT (q, end, "\",\"time\":");
  if (q != NULL)
    q = parse_digits (q, end, &line->time);
  q = EXPECT (q, end, ",\"rating\":");
  if (q != NULL)
    q = parse_digits (q, end, &rating);
  q = EXPECT (q, end, ",\"grade\":");
  if (q != NULL)
    q = parse_digits (q, end, &grade);
  if (EXPECT (q, end, "}") != end)
    return FALSE;
  line->rating = rating;
  line->grade = grade;
  return TRUE;
}

/* Any other spelling of the same JSON (spaces, another member order),
 * e.g. after someone edited the file by hand. */
static gboolean
parse_line_json (const char *p,
                 const char *end,
                 Line       *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *card = NULL;
  gint64 rating = 0, grade = 0;

  if (!json_parser_load_from_data (parser, p, end - p, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "undo"))
    {
      line->is_undo = TRUE;
      return osl_json_object_get_int_member_checked (object, "undo", 0, MAX_TIME, 0, &line->time, NULL);
    }
  if (!osl_json_object_get_string_member_checked (object, "card", NULL, &card, NULL) ||
      !osl_json_object_get_int_member_checked (object, "time", 0, MAX_TIME, -1, &line->time, NULL) ||
      !osl_json_object_get_int_member_checked (object, "rating", 1, 5, 0, &rating, NULL) ||
      !osl_json_object_get_int_member_checked (object, "grade", 1, 4, 0, &grade, NULL) ||
      card == NULL || line->time < 0 || rating == 0)
    return FALSE;
  line->card_owned = g_strdup (card);
  line->card = line->card_owned;
  line->card_length = strlen (card);
  line->rating = rating;
  line->grade = grade != 0 ? grade : (rating <= 2 ? 1 : rating - 1);
  return TRUE;
}

static gboolean
line_is_valid (const Line *line)
{
  if (line->time <= 0 || line->time > MAX_TIME)
    return FALSE;
  if (line->is_undo)
    return TRUE;
  return line->card_length > 0 && line->card_length <= 64 &&
         line->rating >= 1 && line->rating <= 5 && line->grade >= 1 && line->grade <= 4;
}

/* Asks for the cache line of the card the line at @p names: a long log
 * names cards in no order, and the wait for one overlaps the work on
 * the line before. */
static void
prefetch_card (OslReviewLog *log,
               const char   *p,
               const char   *end)
{
  const char *id = EXPECT (p, end, "{\"card\":\""), *q;

  if (id == NULL)
    return;
  for (q = id; q < end && q - id <= 64 && is_id_char (*q); q++)
    ;
  osl_id_table_prefetch (log->card_ids, id, q - id);
}

static gboolean
apply_line (OslReviewLog *log,
            const char   *p,
            const char   *end)
{
  Line line = { 0 };
  gboolean ok;

  ok = parse_line_fast (p, end, &line) || parse_line_json (p, end, &line);
  ok = ok && line_is_valid (&line);
  if (ok && line.is_undo)
    take_back_latest (log, NULL);
  else if (ok)
    add_review (log, intern_card (log, line.card, line.card_length), line.time, line.rating, line.grade);
  g_free (line.card_owned);
  return ok;
}

static void
append_entry_line (GString              *out,
                   OslReviewLog         *log,
                   const OslReviewEntry *entry)
{
  g_string_append_printf (out, "{\"card\":\"%s\",\"time\":%" PRId64 ",\"rating\":%u,\"grade\":%u}\n",
                          osl_id_table_get (log->card_ids, entry->card),
                          entry->time, entry->rating, entry->grade);
}

/**
 * osl_review_log_export:
 *
 * Returns: (transfer full): the log as a JSON Lines text with the
 * answers that were not taken back, oldest first.
 */
char *
osl_review_log_export (OslReviewLog *log,
                       gsize        *length)
{
  GString *out = g_string_sized_new (64 + log->n_live * 64);

  g_string_append (out, HEADER_LINE);
  for (guint i = 0; i < log->n_live; i++)
    append_entry_line (out, log, &log->entries[log->live[i]]);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Keeps the file as it was under another name, then writes what could be
 * read back atomically, so the damaged bytes are never lost and the log
 * is clean for the next append. */
static gboolean
keep_aside_and_rewrite (OslReviewLog  *log,
                        char         **aside,
                        GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  *aside = osl_json_file_keep_aside (log->path, error);
  if (*aside == NULL)
    return FALSE;
  data = osl_review_log_export (log, &length);
  return g_file_set_contents_full (log->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

static gboolean
header_is_valid (const char  *data,
                 const char  *end,
                 GError     **error)
{
  g_autoptr(JsonObject) header = osl_json_file_parse (data, end - data, OSL_REVIEW_LOG_FORMAT,
                                                      OSL_REVIEW_LOG_VERSION, error);

  return header != NULL;
}

static gboolean
load (OslReviewLog  *log,
      const char    *data,
      gsize          length,
      GError       **error)
{
  const char *end = data + length;
  const char *eol = memchr (data, '\n', length);
  const char *p;
  g_autoptr(GError) header_error = NULL;
  g_autofree char *aside = NULL;
  guint bad_lines = 0;
  gboolean torn = FALSE;

  if (!header_is_valid (data, eol != NULL ? eol : end, &header_error))
    {
      aside = osl_json_file_keep_aside (log->path, error);
      if (aside == NULL)
        return FALSE;
      log->recovery = g_strdup_printf (_("The review log could not be read (%s) and was kept aside as “%s”; a new log has been started."),
                                       header_error->message, aside);
      return TRUE;
    }
  for (p = eol + 1; p < end; p = eol + 1)
    {
      eol = memchr (p, '\n', end - p);
      if (eol == NULL)
        {
          /* Without its newline the last line was cut off mid-write,
           * unless what is there is complete. */
          torn = !apply_line (log, p, end);
          eol = end;
          break;
        }
      prefetch_card (log, eol + 1, end);
      if (eol > p && !apply_line (log, p, eol))
        bad_lines++;
    }
  if (!torn && bad_lines == 0)
    return TRUE;
  if (!keep_aside_and_rewrite (log, &aside, error))
    return FALSE;
  if (bad_lines == 0)
    log->recovery = g_strdup_printf (_("The last answer in the review log was cut off when OS Lens stopped; the file was kept aside as “%s” and every earlier answer has loaded."),
                                     aside);
  else
    log->recovery = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u line of the review log could not be read; the file was kept aside as “%s” and the other answers have loaded.",
                                                  "%u lines of the review log could not be read; the file was kept aside as “%s” and the other answers have loaded.",
                                                  bad_lines + torn),
                                     bad_lines + torn, aside);
  return TRUE;
}

/**
 * osl_review_log_open:
 * @path: the log file; it need not exist yet
 *
 * Reads the log. A damaged or foreign file does not stop the app: it is
 * kept aside, what can be read loads, and osl_review_log_get_recovery ()
 * says what happened.
 *
 * Returns: (transfer full): the log, or %NULL with @error set when the
 * file cannot be read or kept aside at all
 */
OslReviewLog *
osl_review_log_open (const char  *path,
                     GError     **error)
{
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  /* Mapped, not copied: a long history is tens of megabytes. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return review_log_new (path, 0);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The review log cannot be read: "));
      return NULL;
    }
  length = g_mapped_file_get_length (mapped);
  /* An answer's line is at least 40 bytes long. */
  log = review_log_new (path, MIN (length / 40, G_MAXUINT32 / 2));
  if (length == 0)
    return g_steal_pointer (&log);
  if (!load (log, g_mapped_file_get_contents (mapped), length, error))
    return NULL;
  return g_steal_pointer (&log);
}

OslReviewLog *
osl_review_log_new_in_memory (void)
{
  return review_log_new (NULL, 0);
}

void
osl_review_log_free (OslReviewLog *log)
{
  if (log == NULL)
    return;
  if (log->fd >= 0)
    close (log->fd);
  g_free (log->entries);
  g_free (log->live);
  osl_id_table_free (log->card_ids);
  g_array_unref (log->last_review);
  g_free (log->recovery);
  g_free (log->path);
  g_free (log);
}

const char *
osl_review_log_get_path (OslReviewLog *log)
{
  return log->path;
}

/**
 * osl_review_log_get_recovery:
 *
 * Returns: (nullable): a sentence for the user when opening the log had to
 * keep a damaged file aside, else %NULL
 */
const char *
osl_review_log_get_recovery (OslReviewLog *log)
{
  return log->recovery;
}

static gboolean
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }
  return fdatasync (fd) == 0;
}

static gboolean
ensure_open (OslReviewLog  *log,
             GError       **error)
{
  g_autofree char *dir = NULL;
  struct stat info;
  int saved_errno;

  if (log->fd >= 0)
    return TRUE;
  dir = g_path_get_dirname (log->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    goto failed;
  log->fd = open (log->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (log->fd < 0 || fstat (log->fd, &info) != 0)
    goto failed;
  if (info.st_size == 0)
    {
      /* A new file: its name must survive a crash as well as its bytes. */
      if (!write_all (log->fd, HEADER_LINE, strlen (HEADER_LINE)))
        goto failed;
      sync_directory (log->path);
    }
  else
    {
      char last = '\n';

      /* A complete last line without its newline (the app stopped
       * between the two) must not be glued to the next answer. */
      if (pread (log->fd, &last, 1, info.st_size - 1) == 1 && last != '\n' &&
          !write_all (log->fd, "\n", 1))
        goto failed;
    }
  return TRUE;

failed:
  saved_errno = errno;
  if (log->fd >= 0)
    close (log->fd);
  log->fd = -1;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Your answer could not be saved to “%s”: %s."), log->path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_line (OslReviewLog  *log,
            const char    *line,
            gsize          length,
            GError       **error)
{
  int saved_errno;

  if (log->path == NULL)
    return TRUE;
  if (!ensure_open (log, error))
    return FALSE;
  if (write_all (log->fd, line, length))
    return TRUE;
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Your answer could not be saved to “%s”: %s."), log->path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * osl_review_log_append:
 * @rating: what the learner pressed, 1–5
 * @grade: the FSRS grade it maps to, 1–4
 *
 * Writes the answer and flushes it to the disk before returning; only
 * then does the log in memory change, so memory never claims more than
 * the disk holds.
 */
gboolean
osl_review_log_append (OslReviewLog  *log,
                       const char    *card_id,
                       gint64         time,
                       guint          rating,
                       guint          grade,
                       GError       **error)
{
  char line[160];
  gsize length;

  g_return_val_if_fail (osl_card_id_is_valid (card_id), FALSE);
  g_return_val_if_fail (rating >= 1 && rating <= 5 && grade >= 1 && grade <= 4, FALSE);
  g_return_val_if_fail (time > 0 && time <= MAX_TIME, FALSE);

  length = g_snprintf (line, sizeof line, "{\"card\":\"%s\",\"time\":%" PRId64 ",\"rating\":%u,\"grade\":%u}\n",
                       card_id, time, rating, grade);
  if (!write_line (log, line, length, error))
    return FALSE;
  add_review (log, intern_card (log, card_id, strlen (card_id)), time, rating, grade);
  return TRUE;
}

/**
 * osl_review_log_undo:
 * @undone_index: (out) (optional): the entry that was taken back
 *
 * Takes back the latest answer that is still live; called again, the one
 * before it, and so on.
 *
 * Returns: %FALSE with @error unset when there is nothing to undo
 */
gboolean
osl_review_log_undo (OslReviewLog  *log,
                     gint64         time,
                     guint         *undone_index,
                     GError       **error)
{
  char line[64];
  gsize length;

  if (log->n_live == 0)
    return FALSE;
  length = g_snprintf (line, sizeof line, "{\"undo\":%" PRId64 "}\n", time);
  if (!write_line (log, line, length, error))
    return FALSE;
  return take_back_latest (log, undone_index);
}

gboolean
osl_review_log_can_undo (OslReviewLog *log)
{
  return log->n_live > 0;
}

guint
osl_review_log_get_n_entries (OslReviewLog *log)
{
  return log->n_entries;
}

const OslReviewEntry *
osl_review_log_get_entry (OslReviewLog *log,
                          guint         index)
{
  g_return_val_if_fail (index < log->n_entries, NULL);
  return &log->entries[index];
}

/* The number of card ids the log knows, answered or not any more. */
guint
osl_review_log_get_n_cards (OslReviewLog *log)
{
  return osl_id_table_get_size (log->card_ids);
}

const char *
osl_review_log_get_card_id (OslReviewLog *log,
                            guint32       card)
{
  return osl_id_table_get (log->card_ids, card);
}

/**
 * osl_review_log_lookup_card:
 *
 * Returns: the log's index for @card_id, or %OSL_REVIEW_LOG_NONE when the
 * card was never answered
 */
guint32
osl_review_log_lookup_card (OslReviewLog *log,
                            const char   *card_id)
{
  return osl_id_table_lookup (log->card_ids, card_id, strlen (card_id));
}

/* The latest live entry of @card; follow OslReviewEntry.previous for the
 * ones before it. */
guint32
osl_review_log_get_last_review (OslReviewLog *log,
                                guint32       card)
{
  g_return_val_if_fail (card < log->last_review->len, OSL_REVIEW_LOG_NONE);
  return g_array_index (log->last_review, guint32, card);
}
