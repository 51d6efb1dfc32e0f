/* osl-docker.c: a small simulated Docker engine
 *
 * The transitions and their error texts follow moby's daemon (start.go,
 * stop.go, kill.go, pause.go, unpause.go, delete.go, exec.go, commit.go,
 * export.go, errors.go) and docker/cli (attach.go); the rm wording is the
 * one of v28.2 and later (the name exactly as typed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <inttypes.h>

#include "osl-docker.h"
#include "osl-docker-shell.h"

#define CATALOG_AGE (14 * 24 * 3600)   /* pulled images were built "2 weeks ago" */
#define FIRST_ADDRESS 2                /* 172.17.0.1 is the docker0 bridge */

struct _OslDockerEngine
{
  gint64      now;
  guint       serial;          /* feeds deterministic container ids */
  gboolean    removal_fails;   /* simulates "device or resource busy" on rm */
  GPtrArray  *images;          /* OslDockerImage, local store */
  GPtrArray  *containers;      /* OslDockerContainer, creation order */
  GHashTable *registry;        /* "repo:tag" → OslDockerImage */
  OslNsHost  *host;
  GArray     *events;          /* OslDockerEvent since the last clear */
};

typedef struct
{
  const char *label;
  const char *created_by;
  gint64      size;
  const char *files[24];       /* path, content, path, content, …, NULL */
} CatalogLayer;

typedef struct
{
  const char *tags[3];
  guint       layers[3];       /* indices into catalog_layers, bottom first; 0 ends */
  const char *command;
} CatalogImage;

G_DEFINE_QUARK (osl-docker-error-quark, osl_docker_error)

static const char *const state_names[OSL_DOCKER_N_STATES] = {
  "created", "running", "paused", "restarting", "removing", "exited", "dead",
};

#define TOOLS \
  "/bin/ls", "ELF", "/bin/cat", "ELF", "/bin/echo", "ELF", "/bin/ps", "ELF", "/bin/sleep", "ELF"

/* Layer 0 is unused so that 0 can end a list. Sizes are the order of
 * magnitude of the real images'; file contents are tiny stand-ins. */
static const CatalogLayer catalog_layers[] = {
  { NULL, NULL, 0, { NULL } },
  { "debian:bookworm-slim", "ADD rootfs.tar.xz / # debian:bookworm-slim", 74800000,
    { "/bin/sh", "ELF", "/bin/bash", "ELF", TOOLS,
      "/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n", NULL } },
  { "httpd", "RUN install Apache httpd 2.4 # httpd:2.4", 73200000,
    { "/usr/local/bin/httpd-foreground", "#!/bin/sh\nexec httpd -DFOREGROUND\n",
      "/usr/local/apache2/conf/httpd.conf", "Listen 80\nDocumentRoot \"/usr/local/apache2/htdocs\"\n",
      "/usr/local/apache2/htdocs/index.html", "<html><body><h1>It works!</h1></body></html>\n", NULL } },
  { "nginx", "RUN install nginx # nginx:latest", 117000000,
    { "/docker-entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n",
      "/etc/nginx/nginx.conf", "events {}\nhttp { server { listen 80; } }\n",
      "/usr/share/nginx/html/index.html", "<h1>Welcome to nginx!</h1>\n", NULL } },
  { "ubuntu:24.04", "ADD file:ubuntu-24.04.tar / # ubuntu:24.04", 78100000,
    { "/bin/sh", "ELF", "/bin/bash", "ELF", TOOLS,
      "/etc/os-release", "PRETTY_NAME=\"Ubuntu 24.04 LTS\"\n", NULL } },
  { "alpine:3", "ADD file:alpine-minirootfs.tar / # alpine:3", 7800000,
    { "/bin/sh", "busybox", TOOLS, "/etc/alpine-release", "3.20.0\n",
      "/etc/os-release", "PRETTY_NAME=\"Alpine Linux v3.20\"\n", NULL } },
  { "hello", "COPY hello / # hello-world", 13256,
    { "/hello", "ELF", NULL } },
  { "stress", "RUN apk add stress # polinux/stress", 1900000,
    { "/usr/local/bin/stress", "ELF", NULL } },
};

static const CatalogImage catalog_images[] = {
  { { "httpd:latest", "httpd:2.4", NULL }, { 1, 2, 0 }, "httpd-foreground" },
  { { "nginx:latest", NULL }, { 1, 3, 0 }, "/docker-entrypoint.sh nginx -g 'daemon off;'" },
  { { "ubuntu:latest", "ubuntu:24.04", NULL }, { 4, 0 }, "/bin/bash" },
  { { "alpine:latest", NULL }, { 5, 0 }, "/bin/sh" },
  { { "hello-world:latest", NULL }, { 6, 0 }, "/hello" },
  { { "polinux/stress:latest", NULL }, { 5, 7, 0 }, "stress --help" },
};

/* The registry's search index. Star counts are illustrative. */
static const OslDockerSearchResult search_index[] = {
  { "httpd", "The Apache HTTP Server Project", 4900, TRUE },
  { "nginx", "Official build of Nginx.", 20000, TRUE },
  { "ubuntu", "Ubuntu is a Debian-based Linux operating system based on free software.", 17000, TRUE },
  { "alpine", "A minimal Docker image based on Alpine Linux with a complete package index", 11000, TRUE },
  { "hello-world", "Hello World! (an example of minimal Dockerization)", 2300, TRUE },
  { "polinux/stress", "Stress testing tool, to load CPU and memory", 60, FALSE },
};

static const char *const adjectives[] = {
  "brave", "clever", "eager", "focused", "gentle", "happy", "keen", "nifty", "quirky", "vibrant",
};
static const char *const scientists[] = {
  "babbage", "curie", "dijkstra", "hopper", "lamport", "liskov", "lovelace", "ritchie", "torvalds", "turing",
};

const char *
osl_docker_state_to_string (OslDockerState state)
{
  if (state >= OSL_DOCKER_N_STATES)
    return "gone";
  return state_names[state];
}

void
osl_docker_create_options_init (OslDockerCreateOptions *options)
{
  *options = (OslDockerCreateOptions) {
    .cpu_quota_us = OSL_CGROUP_MAX,
    .cpu_period_us = OSL_CGROUP_DEFAULT_PERIOD_US,
    .cpu_weight = OSL_CGROUP_DEFAULT_WEIGHT,
    .memory_max = OSL_CGROUP_MAX,
    .pids_max = OSL_CGROUP_MAX,
  };
}

static void
layer_clear (gpointer data)
{
  OslDockerLayer *layer = data;

  osl_overlay_layer_unref (layer->fs);
  g_free (layer->created_by);
}

static OslDockerLayer *
layer_new (OslOverlayLayer *fs,
           const char      *created_by,
           gint64           size)
{
  OslDockerLayer *layer = g_rc_box_new0 (OslDockerLayer);

  layer->fs = fs;
  layer->created_by = g_strdup (created_by);
  layer->size = size;
  return layer;
}

static void
layer_release (gpointer data)
{
  g_rc_box_release_full (data, layer_clear);
}

static void
image_clear (gpointer data)
{
  OslDockerImage *image = data;

  g_free (image->id);
  g_ptr_array_unref (image->tags);
  g_ptr_array_unref (image->layers);
  g_free (image->command);
}

static void
image_release (gpointer data)
{
  g_rc_box_release_full (data, image_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslDockerImage, image_release)

/* The id is a digest of the layers and the config: equal content, equal id. */
static OslDockerImage *
image_new (GPtrArray  *layers,
           const char *command,
           gint64      created_at)
{
  OslDockerImage *image = g_rc_box_new0 (OslDockerImage);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  image->tags = g_ptr_array_new_with_free_func (g_free);
  image->layers = g_ptr_array_new_with_free_func (layer_release);
  for (guint i = 0; i < layers->len; i++)
    {
      OslDockerLayer *layer = layers->pdata[i];
      g_autofree char *digest = osl_overlay_layer_digest (layer->fs);

      g_ptr_array_add (image->layers, g_rc_box_acquire (layer));
      g_checksum_update (checksum, (const guchar *) digest, -1);
    }
  g_checksum_update (checksum, (const guchar *) command, -1);
  image->id = g_strdup (g_checksum_get_string (checksum));
  image->command = g_strdup (command);
  image->created_at = created_at;
  return image;
}

/* A local copy of a registry image: same id and layers, its own tags. */
static OslDockerImage *
image_copy_untagged (OslDockerImage *image)
{
  return image_new (image->layers, image->command, image->created_at);
}

static void
container_free (gpointer data)
{
  OslDockerContainer *c = data;

  g_free (c->id);
  g_free (c->name);
  g_free (c->image_id);
  g_free (c->image_ref);
  g_free (c->command);
  g_strfreev (c->argv);
  g_free (c->restart_policy);
  g_ptr_array_unref (c->ports);
  g_array_unref (c->host_ports);
  osl_overlay_free (c->rootfs);
  g_free (c->address);
  g_free (c);
}

static void
event_clear (gpointer data)
{
  OslDockerEvent *event = data;

  g_free (event->subject);
  g_free (event->detail);
}

static void
build_registry (OslDockerEngine *engine)
{
  OslDockerLayer *layers[G_N_ELEMENTS (catalog_layers)] = { NULL };

  for (guint i = 1; i < G_N_ELEMENTS (catalog_layers); i++)
    {
      const CatalogLayer *spec = &catalog_layers[i];
      OslOverlayLayer *fs = osl_overlay_layer_new (spec->label);

      for (guint f = 0; spec->files[f] != NULL; f += 2)
        osl_overlay_layer_add_file (fs, spec->files[f], spec->files[f + 1]);
      layers[i] = layer_new (fs, spec->created_by, spec->size);
    }
  for (guint i = 0; i < G_N_ELEMENTS (catalog_images); i++)
    {
      const CatalogImage *spec = &catalog_images[i];
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      OslDockerImage *image;

      for (guint l = 0; spec->layers[l] != 0; l++)
        g_ptr_array_add (stack, layers[spec->layers[l]]);
      image = image_new (stack, spec->command, -CATALOG_AGE);
      for (guint t = 0; spec->tags[t] != NULL; t++)
        g_hash_table_insert (engine->registry, g_strdup (spec->tags[t]), g_rc_box_acquire (image));
      image_release (image);
    }
  for (guint i = 1; i < G_N_ELEMENTS (catalog_layers); i++)
    layer_release (layers[i]);
}

OslDockerEngine *
osl_docker_engine_new (void)
{
  OslDockerEngine *engine = g_new0 (OslDockerEngine, 1);

  engine->images = g_ptr_array_new_with_free_func (image_release);
  engine->containers = g_ptr_array_new_with_free_func (container_free);
  engine->registry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, image_release);
  engine->host = osl_ns_host_new ("lecture-host");
  engine->events = g_array_new (FALSE, TRUE, sizeof (OslDockerEvent));
  g_array_set_clear_func (engine->events, event_clear);
  build_registry (engine);
  return engine;
}

void
osl_docker_engine_free (OslDockerEngine *engine)
{
  if (engine == NULL)
    return;
  g_ptr_array_unref (engine->containers);
  g_ptr_array_unref (engine->images);
  g_hash_table_unref (engine->registry);
  osl_ns_host_free (engine->host);
  g_array_unref (engine->events);
  g_free (engine);
}

gint64
osl_docker_engine_get_now (OslDockerEngine *engine)
{
  return engine->now;
}

/* Time passes; a container with a restart policy whose process keeps
 * exiting is started again (and, in this model, exits again). */
void
osl_docker_engine_tick (OslDockerEngine *engine,
                        gint64           seconds)
{
  engine->now += seconds;
  for (guint i = 0; i < engine->containers->len; i++)
    {
      OslDockerContainer *c = engine->containers->pdata[i];

      if (c->restarting)
        {
          c->restart_count++;
          c->finished_at = engine->now;
        }
    }
}

void
osl_docker_engine_set_removal_fails (OslDockerEngine *engine,
                                     gboolean         fails)
{
  engine->removal_fails = fails;
}

OslNsHost *
osl_docker_engine_get_host (OslDockerEngine *engine)
{
  return engine->host;
}

GPtrArray *
osl_docker_engine_get_containers (OslDockerEngine *engine)
{
  return engine->containers;
}

GPtrArray *
osl_docker_engine_get_images (OslDockerEngine *engine)
{
  return engine->images;
}

GArray *
osl_docker_engine_get_events (OslDockerEngine *engine)
{
  return engine->events;
}

void
osl_docker_engine_clear_events (OslDockerEngine *engine)
{
  g_array_set_size (engine->events, 0);
}

static void
add_event (OslDockerEngine    *engine,
           OslDockerEventKind  kind,
           const char         *subject,
           OslDockerState      from,
           OslDockerState      to)
{
  OslDockerEvent event = { kind, g_strdup (subject), from, to, OSL_OVERLAY_CHANGE_NONE, NULL };

  g_array_append_val (engine->events, event);
}

void
osl_docker_engine_note_file (OslDockerEngine    *engine,
                             OslDockerContainer *container,
                             const char         *path,
                             OslOverlayChange    change)
{
  OslDockerEvent event = { OSL_DOCKER_EVENT_FILE, g_strdup (container->id), 0, 0, change, g_strdup (path) };

  g_array_append_val (engine->events, event);
}

/* moby's State.State(): the flags can be true together; first match wins. */
OslDockerState
osl_docker_container_get_state (const OslDockerContainer *c)
{
  if (c->running && c->paused)
    return OSL_DOCKER_PAUSED;
  if (c->running && c->restarting)
    return OSL_DOCKER_RESTARTING;
  if (c->running)
    return OSL_DOCKER_RUNNING;
  if (c->removal_in_progress)
    return OSL_DOCKER_REMOVING;
  if (c->dead)
    return OSL_DOCKER_DEAD;
  if (c->started_at < 0)
    return OSL_DOCKER_CREATED;
  return OSL_DOCKER_EXITED;
}

static void
note_state (OslDockerEngine    *engine,
            OslDockerContainer *c,
            OslDockerState      before)
{
  OslDockerState after = osl_docker_container_get_state (c);

  if (after != before)
    add_event (engine, OSL_DOCKER_EVENT_STATE, c->id, before, after);
}

/* go-units HumanDuration, as `docker ps` prints it. */
char *
osl_docker_human_duration (gint64 seconds)
{
  gint64 minutes = seconds / 60, hours = (gint64) (seconds / 3600.0 + 0.5);

  if (seconds < 1)
    return g_strdup ("Less than a second");
  if (seconds == 1)
    return g_strdup ("1 second");
  if (seconds < 60)
    return g_strdup_printf ("%" PRId64 " seconds", seconds);
  if (minutes == 1)
    return g_strdup ("About a minute");
  if (minutes < 60)
    return g_strdup_printf ("%" PRId64 " minutes", minutes);
  if (hours == 1)
    return g_strdup ("About an hour");
  if (hours < 48)
    return g_strdup_printf ("%" PRId64 " hours", hours);
  if (hours < 24 * 7 * 2)
    return g_strdup_printf ("%" PRId64 " days", hours / 24);
  if (hours < 24 * 30 * 2)
    return g_strdup_printf ("%" PRId64 " weeks", hours / 24 / 7);
  if (hours < 24 * 365 * 2)
    return g_strdup_printf ("%" PRId64 " months", hours / 24 / 30);
  return g_strdup_printf ("%" PRId64 " years", hours / 24 / 365);
}

/* go-units HumanSizeWithPrecision (size, 3): decimal units. */
char *
osl_docker_human_size (gint64 bytes)
{
  static const char *const units[] = { "B", "kB", "MB", "GB", "TB" };
  double value = bytes;
  guint unit = 0;

  while (value >= 1000 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1000;
      unit++;
    }
  return g_strdup_printf ("%.3g%s", value, units[unit]);
}

gint64
osl_docker_image_get_size (const OslDockerImage *image)
{
  gint64 size = 0;

  for (guint i = 0; i < image->layers->len; i++)
    size += ((OslDockerLayer *) image->layers->pdata[i])->size;
  return size;
}

/* State.String(): the STATUS column of `docker ps`. */
char *
osl_docker_container_status (const OslDockerContainer *c,
                             gint64                    now)
{
  g_autofree char *since_start = osl_docker_human_duration (now - c->started_at);
  g_autofree char *since_finish = osl_docker_human_duration (now - c->finished_at);

  switch (osl_docker_container_get_state (c))
    {
    case OSL_DOCKER_PAUSED:
      return g_strdup_printf ("Up %s (Paused)", since_start);
    case OSL_DOCKER_RESTARTING:
      return g_strdup_printf ("Restarting (%d) %s ago", c->exit_code, since_finish);
    case OSL_DOCKER_RUNNING:
      return g_strdup_printf ("Up %s", since_start);
    case OSL_DOCKER_REMOVING:
      return g_strdup ("Removal In Progress");
    case OSL_DOCKER_DEAD:
      return g_strdup ("Dead");
    case OSL_DOCKER_CREATED:
      return g_strdup ("Created");
    case OSL_DOCKER_EXITED:
    case OSL_DOCKER_N_STATES:
    default:
      return g_strdup_printf ("Exited (%d) %s ago", c->exit_code, since_finish);
    }
}

static void
set_daemon_error (GError     **error,
                  const char  *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
set_daemon_error (GError     **error,
                  const char  *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_DAEMON, format, args);
  va_end (args);
}

/* By name (with or without the leading slash), full id, or an
 * unambiguous id prefix, as the daemon's container view looks it up. */
OslDockerContainer *
osl_docker_engine_find_container (OslDockerEngine  *engine,
                                  const char       *name_or_id,
                                  GError          **error)
{
  const char *name = name_or_id[0] == '/' ? name_or_id + 1 : name_or_id;
  OslDockerContainer *match = NULL;
  guint n_matches = 0;

  for (guint i = 0; i < engine->containers->len; i++)
    {
      OslDockerContainer *c = engine->containers->pdata[i];
      if (g_str_equal (c->name, name) || g_str_equal (c->id, name_or_id))
        return c;
    }
  for (guint i = 0; name_or_id[0] != '\0' && i < engine->containers->len; i++)
    {
      OslDockerContainer *c = engine->containers->pdata[i];
      if (g_str_has_prefix (c->id, name_or_id))
        {
          match = c;
          n_matches++;
        }
    }
  if (n_matches == 1)
    return match;
  if (n_matches > 1)
    set_daemon_error (error, "multiple IDs found with provided prefix: %s", name_or_id);
  else
    set_daemon_error (error, "No such container: %s", name_or_id);
  return NULL;
}

/* "httpd" → "httpd:latest"; "docker.io/library/httpd:2.4" → "httpd:2.4". */
char *
osl_docker_normalize_ref (const char  *ref,
                          GError     **error)
{
  g_autofree char *name = NULL;
  const char *rest = ref, *colon, *slash;
  g_autofree char *repo = NULL;
  g_autofree char *lower = NULL;

  if (g_str_has_prefix (rest, "docker.io/"))
    rest += strlen ("docker.io/");
  if (g_str_has_prefix (rest, "library/"))
    rest += strlen ("library/");
  colon = strrchr (rest, ':');
  slash = strrchr (rest, '/');
  if (colon != NULL && (slash == NULL || colon > slash))
    repo = g_strndup (rest, colon - rest);
  else
    repo = g_strdup (rest);
  if (!g_regex_match_simple ("^[a-zA-Z0-9]+(?:(?:[._]|__|-+)[a-zA-Z0-9]+)*(?:/[a-zA-Z0-9]+(?:(?:[._]|__|-+)[a-zA-Z0-9]+)*)*$",
                             repo, 0, 0) ||
      (colon != NULL && (slash == NULL || colon > slash) &&
       !g_regex_match_simple ("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", colon + 1, 0, 0)))
    {
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT, "invalid reference format");
      return NULL;
    }
  lower = g_ascii_strdown (repo, -1);
  if (!g_str_equal (repo, lower))
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                   "invalid reference format: repository name (%s%s) must be lowercase",
                   strchr (repo, '/') == NULL ? "library/" : "", repo);
      return NULL;
    }
  if (colon != NULL && (slash == NULL || colon > slash))
    return g_strdup (rest);
  name = g_strconcat (rest, ":latest", NULL);
  return g_steal_pointer (&name);
}

static gboolean
image_has_tag (OslDockerImage *image,
               const char     *tag)
{
  for (guint i = 0; i < image->tags->len; i++)
    if (g_str_equal (image->tags->pdata[i], tag))
      return TRUE;
  return FALSE;
}

OslDockerImage *
osl_docker_engine_find_image (OslDockerEngine *engine,
                              const char      *ref)
{
  g_autofree char *normal = osl_docker_normalize_ref (ref, NULL);
  const char *hex = g_str_has_prefix (ref, "sha256:") ? ref + 7 : ref;

  for (guint i = 0; normal != NULL && i < engine->images->len; i++)
    if (image_has_tag (engine->images->pdata[i], normal))
      return engine->images->pdata[i];
  for (guint i = 0; strlen (hex) >= 4 && i < engine->images->len; i++)
    {
      OslDockerImage *image = engine->images->pdata[i];
      if (g_str_has_prefix (image->id, hex))
        return image;
    }
  return NULL;
}

static OslDockerImage *
find_image_by_id (OslDockerEngine *engine,
                  const char      *id)
{
  for (guint i = 0; i < engine->images->len; i++)
    if (g_str_equal (((OslDockerImage *) engine->images->pdata[i])->id, id))
      return engine->images->pdata[i];
  return NULL;
}

static void
untag_everywhere (OslDockerEngine *engine,
                  const char      *tag)
{
  for (guint i = 0; i < engine->images->len; i++)
    {
      OslDockerImage *image = engine->images->pdata[i];

      for (guint t = 0; t < image->tags->len; t++)
        if (g_str_equal (image->tags->pdata[t], tag))
          g_ptr_array_remove_index (image->tags, t--);
    }
}

/* Adds @image (or tags an existing image with the same id) under @tag. */
static OslDockerImage *
store_image (OslDockerEngine *engine,
             OslDockerImage  *image,
             const char      *tag)
{
  OslDockerImage *local = find_image_by_id (engine, image->id);

  if (tag != NULL)
    untag_everywhere (engine, tag);
  if (local == NULL)
    {
      local = g_rc_box_acquire (image);
      g_ptr_array_add (engine->images, local);
      add_event (engine, OSL_DOCKER_EVENT_IMAGE_ADDED, local->id, OSL_DOCKER_GONE, OSL_DOCKER_GONE);
    }
  if (tag != NULL)
    g_ptr_array_add (local->tags, g_strdup (tag));
  return local;
}

static gboolean
layer_is_local (OslDockerEngine *engine,
                OslDockerLayer  *layer)
{
  for (guint i = 0; i < engine->images->len; i++)
    {
      OslDockerImage *image = engine->images->pdata[i];
      for (guint l = 0; l < image->layers->len; l++)
        if (image->layers->pdata[l] == layer)
          return TRUE;
    }
  return FALSE;
}

static char *
short_digest (OslDockerLayer *layer)
{
  g_autofree char *digest = osl_overlay_layer_digest (layer->fs);

  return g_strndup (digest, 12);
}

static char *
repository_of (const char *tag)
{
  const char *colon = strrchr (tag, ':');

  return g_strndup (tag, colon - tag);
}

static char *
remote_name (const char *repository)
{
  return strchr (repository, '/') != NULL ? g_strdup (repository) : g_strconcat ("library/", repository, NULL);
}

static gboolean
repository_is_known (OslDockerEngine *engine,
                     const char      *repository)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, engine->registry);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *known = repository_of (key);
      if (g_str_equal (known, repository))
        return TRUE;
    }
  return FALSE;
}

/* Pulls @normal into the local store; layers already present "Already exist". */
static OslDockerImage *
pull_normalized (OslDockerEngine  *engine,
                 const char       *normal,
                 gboolean          final_line,
                 GString          *out,
                 GError          **error)
{
  OslDockerImage *remote = g_hash_table_lookup (engine->registry, normal);
  g_autofree char *repository = repository_of (normal);
  g_autofree char *remote_repo = remote_name (repository);
  const char *tag = strrchr (normal, ':') + 1;
  g_autoptr(OslDockerImage) copy = NULL;
  OslDockerImage *local;

  if (remote == NULL)
    {
      if (repository_is_known (engine, repository))
        set_daemon_error (error, "manifest for %s not found: manifest unknown: manifest unknown", normal);
      else
        set_daemon_error (error, "pull access denied for %s, repository does not exist or may require "
                          "'docker login': denied: requested access to the resource is denied", repository);
      return NULL;
    }
  local = find_image_by_id (engine, remote->id);
  if (local != NULL && image_has_tag (local, normal))
    {
      g_string_append_printf (out, "%s: Pulling from %s\n", tag, remote_repo);
      g_string_append_printf (out, "Digest: sha256:%s\n", remote->id);
      g_string_append_printf (out, "Status: Image is up to date for %s\n", normal);
      if (final_line)
        g_string_append_printf (out, "docker.io/%s:%s\n", remote_repo, tag);
      return local;
    }
  g_string_append_printf (out, "%s: Pulling from %s\n", tag, remote_repo);
  for (guint l = 0; l < remote->layers->len; l++)
    {
      g_autofree char *id = short_digest (remote->layers->pdata[l]);
      gboolean present = layer_is_local (engine, remote->layers->pdata[l]);

      g_string_append_printf (out, "%s: %s\n", id, present ? "Already exists" : "Pull complete");
    }
  g_string_append_printf (out, "Digest: sha256:%s\n", remote->id);
  g_string_append_printf (out, "Status: Downloaded newer image for %s\n", normal);
  if (final_line)
    g_string_append_printf (out, "docker.io/%s:%s\n", remote_repo, tag);
  copy = local != NULL ? NULL : image_copy_untagged (remote);
  return store_image (engine, local != NULL ? local : copy, normal);
}

gboolean
osl_docker_engine_pull (OslDockerEngine  *engine,
                        const char       *ref,
                        GString          *out,
                        GError          **error)
{
  g_autofree char *normal = osl_docker_normalize_ref (ref, error);

  if (normal == NULL)
    return FALSE;
  if (strchr (ref, ':') == NULL)
    g_string_append (out, "Using default tag: latest\n");
  return pull_normalized (engine, normal, TRUE, out, error) != NULL;
}

/* Pushing to an official ("library/") repository is denied; pushing to
 * one's own namespace ("student/my-apache2") works. */
gboolean
osl_docker_engine_push (OslDockerEngine  *engine,
                        const char       *ref,
                        GString          *out,
                        GError          **error)
{
  g_autofree char *normal = osl_docker_normalize_ref (ref, error);
  g_autofree char *repository = NULL, *remote_repo = NULL;
  OslDockerImage *image;

  if (normal == NULL)
    return FALSE;
  image = osl_docker_engine_find_image (engine, normal);
  if (image == NULL)
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                   "An image does not exist locally with the tag: %s", ref);
      return FALSE;
    }
  if (strchr (ref, ':') == NULL)
    g_string_append (out, "Using default tag: latest\n");
  repository = repository_of (normal);
  remote_repo = remote_name (repository);
  g_string_append_printf (out, "The push refers to repository [docker.io/%s]\n", remote_repo);
  for (guint l = image->layers->len; l > 0; l--)
    {
      g_autofree char *id = short_digest (image->layers->pdata[l - 1]);
      g_string_append_printf (out, "%s: Preparing\n", id);
    }
  if (strchr (repository, '/') == NULL)
    {
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                           "denied: requested access to the resource is denied");
      return FALSE;
    }
  for (guint l = image->layers->len; l > 0; l--)
    {
      OslDockerLayer *layer = image->layers->pdata[l - 1];
      g_autofree char *id = short_digest (layer);
      gboolean known = FALSE;
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, engine->registry);
      while (!known && g_hash_table_iter_next (&iter, NULL, &value))
        for (guint k = 0; k < ((OslDockerImage *) value)->layers->len; k++)
          known = known || ((OslDockerImage *) value)->layers->pdata[k] == layer;
      g_string_append_printf (out, "%s: %s\n", id, known ? "Layer already exists" : "Pushed");
    }
  g_string_append_printf (out, "%s: digest: sha256:%s size: %u\n", strrchr (normal, ':') + 1, image->id,
                          525 + 212 * image->layers->len);
  g_hash_table_replace (engine->registry, g_strdup (normal), g_rc_box_acquire (image));
  return TRUE;
}

gboolean
osl_docker_engine_tag (OslDockerEngine  *engine,
                       const char       *source,
                       const char       *target,
                       GError          **error)
{
  OslDockerImage *image = osl_docker_engine_find_image (engine, source);
  g_autofree char *normal = NULL;

  if (image == NULL)
    {
      set_daemon_error (error, "No such image: %s", source);
      return FALSE;
    }
  normal = osl_docker_normalize_ref (target, error);
  if (normal == NULL)
    return FALSE;
  store_image (engine, image, normal);
  return TRUE;
}

static OslDockerContainer *
container_using (OslDockerEngine *engine,
                 const char      *image_id)
{
  for (guint i = 0; i < engine->containers->len; i++)
    {
      OslDockerContainer *c = engine->containers->pdata[i];
      if (g_str_equal (c->image_id, image_id))
        return c;
    }
  return NULL;
}

gboolean
osl_docker_engine_rmi (OslDockerEngine  *engine,
                       const char       *ref,
                       gboolean          force,
                       GString          *out,
                       GError          **error)
{
  OslDockerImage *image = osl_docker_engine_find_image (engine, ref);
  OslDockerContainer *user;
  g_autofree char *normal = osl_docker_normalize_ref (ref, NULL);

  if (image == NULL)
    {
      set_daemon_error (error, "No such image: %s", normal != NULL ? normal : ref);
      return FALSE;
    }
  user = container_using (engine, image->id);
  if (user != NULL && !force && image->tags->len <= 1)
    {
      set_daemon_error (error, "conflict: unable to remove repository reference \"%s\" (must force) - "
                        "container %.12s is using its referenced image %.12s", ref, user->id, image->id);
      return FALSE;
    }
  if (normal != NULL && image_has_tag (image, normal))
    {
      g_string_append_printf (out, "Untagged: %s\n", normal);
      untag_everywhere (engine, normal);
      if (image->tags->len > 0 || user != NULL)
        return TRUE;
    }
  else
    for (guint t = 0; t < image->tags->len; t++)
      g_string_append_printf (out, "Untagged: %s\n", (char *) image->tags->pdata[t]);
  g_string_append_printf (out, "Deleted: sha256:%s\n", image->id);
  add_event (engine, OSL_DOCKER_EVENT_IMAGE_REMOVED, image->id, OSL_DOCKER_GONE, OSL_DOCKER_GONE);
  g_ptr_array_remove (engine->images, image);
  return TRUE;
}

/* The build context "." of the lecture's `docker build -t my-apache2 .`:
 * the Dockerfile from the httpd image's documentation. */
gboolean
osl_docker_engine_build (OslDockerEngine  *engine,
                         const char       *tag,
                         const char       *context,
                         GString          *out,
                         GError          **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) pull_log = g_string_new (NULL);
  g_autoptr(GPtrArray) layers = NULL;
  g_autoptr(OslDockerImage) built = NULL;
  OslDockerImage *base, *stored;
  OslOverlayLayer *fs;

  if (!g_str_equal (context, "."))
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                   "unable to prepare context: path \"%s\" not found", context);
      return FALSE;
    }
  if (tag != NULL && (normal = osl_docker_normalize_ref (tag, error)) == NULL)
    return FALSE;
  g_string_append (out, "Sending build context to Docker daemon  3.072kB\n");
  g_string_append (out, "Step 1/2 : FROM httpd:2.4\n");
  base = osl_docker_engine_find_image (engine, "httpd:2.4");
  if (base == NULL && (base = pull_normalized (engine, "httpd:2.4", FALSE, pull_log, error)) == NULL)
    return FALSE;
  g_string_append (out, pull_log->str);
  g_string_append_printf (out, " ---> %.12s\n", base->id);
  g_string_append (out, "Step 2/2 : COPY ./public-html/ /usr/local/apache2/htdocs/\n");

  fs = osl_overlay_layer_new ("COPY ./public-html/");
  osl_overlay_layer_add_file (fs, "/usr/local/apache2/htdocs/index.html",
                              "<!DOCTYPE html>\n<h1>Hello from my-apache2</h1>\n");
  layers = g_ptr_array_new_with_free_func (layer_release);
  for (guint i = 0; i < base->layers->len; i++)
    g_ptr_array_add (layers, g_rc_box_acquire (base->layers->pdata[i]));
  g_ptr_array_add (layers, layer_new (fs, "COPY ./public-html/ /usr/local/apache2/htdocs/ # buildkit",
                                      (gint64) osl_overlay_layer_get_size (fs)));
  built = image_new (layers, base->command, engine->now);
  stored = store_image (engine, built, normal);
  g_string_append_printf (out, " ---> %.12s\n", stored->id);
  g_string_append_printf (out, "Successfully built %.12s\n", stored->id);
  if (normal != NULL)
    g_string_append_printf (out, "Successfully tagged %s\n", normal);
  return TRUE;
}

const OslDockerSearchResult *
osl_docker_engine_search (OslDockerEngine *engine,
                          guint            index)
{
  return index < G_N_ELEMENTS (search_index) ? &search_index[index] : NULL;
}

static gboolean
name_taken (OslDockerEngine *engine,
            const char      *name)
{
  for (guint i = 0; i < engine->containers->len; i++)
    if (g_str_equal (((OslDockerContainer *) engine->containers->pdata[i])->name, name))
      return TRUE;
  return FALSE;
}

static char *
generate_name (OslDockerEngine *engine,
               const char      *id)
{
  g_autofree char *prefix = g_strndup (id, 8);
  guint seed = (guint) g_ascii_strtoull (prefix, NULL, 16);

  for (guint attempt = 0;; attempt++)
    {
      guint pick = seed + attempt * 7;
      g_autofree char *name = g_strdup_printf ("%s_%s", adjectives[pick % G_N_ELEMENTS (adjectives)],
                                               scientists[(pick / 10) % G_N_ELEMENTS (scientists)]);
      if (attempt >= 100)
        {
          g_autofree char *numbered = g_strdup_printf ("%s%u", name, attempt);
          if (!name_taken (engine, numbered))
            return g_steal_pointer (&numbered);
        }
      else if (!name_taken (engine, name))
        return g_steal_pointer (&name);
    }
}

/* "80:80", "8080:80/tcp", "127.0.0.1:8080:80". */
static gboolean
parse_publish (const char  *spec,
               char       **mapping,
               guint       *host_port,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", -1);
  guint n = g_strv_length (parts);
  const char *ip = n == 3 ? parts[0] : "0.0.0.0";
  const char *host = n >= 2 ? parts[n - 2] : NULL;
  g_autofree char *container = g_strdup (n > 0 ? parts[n - 1] : "");
  char *proto = strchr (container, '/');
  guint64 value;

  if (proto != NULL)
    *proto++ = '\0';
  if (n < 2 || n > 3)
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                   "invalid argument \"%s\" for \"-p, --publish\" flag: the simulation needs HOST:CONTAINER", spec);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (container, 10, 1, 65535, &value, NULL))
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT, "invalid containerPort: %s", container);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (host, 10, 1, 65535, &value, NULL))
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT, "invalid hostPort: %s", host);
      return FALSE;
    }
  if (proto != NULL && !g_str_equal (proto, "tcp") && !g_str_equal (proto, "udp") && !g_str_equal (proto, "sctp"))
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT, "invalid proto: %s", proto);
      return FALSE;
    }
  *host_port = (guint) value;
  *mapping = g_strdup_printf ("%s:%s->%s/%s", ip, host, container, proto != NULL ? proto : "tcp");
  return TRUE;
}

static char *
make_id (OslDockerEngine *engine,
         const char      *name,
         const char      *image)
{
  g_autofree char *input = g_strdup_printf ("container\n%u\n%s\n%s", engine->serial++, name, image);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);
}

static gboolean
check_restart_policy (const char  *policy,
                      GError     **error)
{
  if (policy == NULL || g_str_equal (policy, "no") || g_str_equal (policy, "always") ||
      g_str_equal (policy, "unless-stopped") || g_str_equal (policy, "on-failure") ||
      g_str_has_prefix (policy, "on-failure:"))
    return TRUE;
  g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
               "invalid restart policy: unknown policy '%s'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
               policy);
  return FALSE;
}

OslDockerContainer *
osl_docker_engine_create (OslDockerEngine              *engine,
                          const OslDockerCreateOptions *options,
                          GString                      *out,
                          GError                      **error)
{
  g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) host_ports = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *normal = NULL;
  g_autofree OslOverlayLayer **lowers = NULL;
  OslDockerContainer *c;
  OslDockerImage *image;

  for (guint i = 0; options->publish != NULL && options->publish[i] != NULL; i++)
    {
      char *mapping = NULL;
      guint port = 0;

      if (!parse_publish (options->publish[i], &mapping, &port, error))
        return NULL;
      g_ptr_array_add (ports, mapping);
      g_array_append_val (host_ports, port);
    }
  if (!check_restart_policy (options->restart_policy, error))
    return NULL;
  if (options->auto_remove && options->restart_policy != NULL && !g_str_equal (options->restart_policy, "no"))
    {
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                           "conflicting options: cannot specify both --restart and --rm");
      return NULL;
    }
  if (options->name != NULL && !g_regex_match_simple ("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$", options->name, 0, 0))
    {
      set_daemon_error (error, "Invalid container name (%s), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
                        options->name);
      return NULL;
    }
  image = osl_docker_engine_find_image (engine, options->image);
  if (image == NULL)
    {
      normal = osl_docker_normalize_ref (options->image, error);
      if (normal == NULL)
        return NULL;
      g_string_append_printf (out, "Unable to find image '%s' locally\n", normal);
      image = pull_normalized (engine, normal, FALSE, out, error);
      if (image == NULL)
        return NULL;
    }
  if (options->name != NULL)
    {
      const char *name = options->name[0] == '/' ? options->name + 1 : options->name;
      for (guint i = 0; i < engine->containers->len; i++)
        {
          OslDockerContainer *other = engine->containers->pdata[i];
          if (g_str_equal (other->name, name))
            {
              set_daemon_error (error, "Conflict. The container name \"/%s\" is already in use by container "
                                "\"%s\". You have to remove (or rename) that container to be able to reuse "
                                "that name.", name, other->id);
              return NULL;
            }
        }
    }

  c = g_new0 (OslDockerContainer, 1);
  c->id = make_id (engine, options->name != NULL ? options->name : "", image->id);
  c->name = options->name != NULL ? g_strdup (options->name[0] == '/' ? options->name + 1 : options->name)
                                  : generate_name (engine, c->id);
  c->image_id = g_strdup (image->id);
  c->image_ref = g_strdup (options->image);
  if (options->argv != NULL && options->argv[0] != NULL)
    c->argv = g_strdupv (options->argv);
  else
    g_shell_parse_argv (image->command, NULL, &c->argv, NULL);
  c->command = g_strjoinv (" ", c->argv);
  c->interactive = options->interactive;
  c->tty = options->tty;
  c->auto_remove = options->auto_remove;
  c->restart_policy = g_strdup (options->restart_policy != NULL ? options->restart_policy : "no");
  c->ports = g_steal_pointer (&ports);
  c->host_ports = g_steal_pointer (&host_ports);
  c->created_at = engine->now;
  c->started_at = -1;
  c->finished_at = -1;
  c->cpu_quota_us = options->cpu_quota_us;
  c->cpu_period_us = options->cpu_period_us;
  c->cpu_weight = options->cpu_weight;
  c->memory_max = options->memory_max;
  c->pids_max = options->pids_max;
  c->ns_set = OSL_NS_HOST;

  /* Image layers bottom first; overlay lowers top first. */
  lowers = g_new0 (OslOverlayLayer *, image->layers->len);
  for (guint i = 0; i < image->layers->len; i++)
    lowers[image->layers->len - 1 - i] = ((OslDockerLayer *) image->layers->pdata[i])->fs;
  c->rootfs = osl_overlay_new (lowers, image->layers->len);
  {
    g_autofree char *hosts = g_strdup_printf ("%.12s\n", c->id);
    /* The daemon writes /etc/hostname into each new container layer. */
    osl_overlay_write (c->rootfs, "/etc/hostname", hosts, FALSE, NULL, NULL);
  }
  g_ptr_array_add (engine->containers, c);
  add_event (engine, OSL_DOCKER_EVENT_STATE, c->id, OSL_DOCKER_GONE, OSL_DOCKER_CREATED);
  return c;
}

static char *
free_address (OslDockerEngine *engine)
{
  for (guint n = FIRST_ADDRESS;; n++)
    {
      g_autofree char *address = g_strdup_printf ("172.17.0.%u", n);
      gboolean used = FALSE;

      for (guint i = 0; !used && i < engine->containers->len; i++)
        used = g_strcmp0 (((OslDockerContainer *) engine->containers->pdata[i])->address, address) == 0;
      if (!used)
        return g_steal_pointer (&address);
    }
}

static OslDockerContainer *
port_owner (OslDockerEngine    *engine,
            OslDockerContainer *c,
            guint               port)
{
  for (guint i = 0; i < engine->containers->len; i++)
    {
      OslDockerContainer *other = engine->containers->pdata[i];

      if (other == c || !other->running || other->restarting)
        continue;
      for (guint p = 0; p < other->host_ports->len; p++)
        if (g_array_index (other->host_ports, guint, p) == port)
          return other;
    }
  return NULL;
}

static void
release_process (OslDockerEngine    *engine,
                 OslDockerContainer *c)
{
  if (c->init_host_pid != 0)
    {
      osl_ns_host_exit (engine->host, c->init_host_pid);
      osl_ns_host_exit (engine->host, c->init_host_pid - 1);   /* its containerd-shim */
    }
  c->init_host_pid = 0;
  c->ns_set = OSL_NS_HOST;
  g_clear_pointer (&c->address, g_free);
}

static gboolean
restart_policy_applies (const OslDockerContainer *c,
                        int                       exit_code)
{
  if (c->manually_stopped)
    return FALSE;
  if (g_str_equal (c->restart_policy, "always") || g_str_equal (c->restart_policy, "unless-stopped"))
    return TRUE;
  return g_str_has_prefix (c->restart_policy, "on-failure") && exit_code != 0;
}

static void
remove_container (OslDockerEngine    *engine,
                  OslDockerContainer *c)
{
  OslDockerState before = osl_docker_container_get_state (c);

  release_process (engine, c);
  c->removal_in_progress = TRUE;
  note_state (engine, c, before);
  add_event (engine, OSL_DOCKER_EVENT_STATE, c->id, OSL_DOCKER_REMOVING, OSL_DOCKER_GONE);
  g_ptr_array_remove (engine->containers, c);
}

/* The container's main process (PID 1) ended on its own, was killed, or
 * was stopped: the container is exited, restarting, or with --rm gone. */
void
osl_docker_engine_main_exited (OslDockerEngine    *engine,
                               OslDockerContainer *c,
                               int                 exit_code)
{
  OslDockerState before = osl_docker_container_get_state (c);

  release_process (engine, c);
  c->exit_code = exit_code;
  c->finished_at = engine->now;
  c->paused = FALSE;
  if (restart_policy_applies (c, exit_code))
    {
      c->running = TRUE;
      c->restarting = TRUE;
      note_state (engine, c, before);
      return;
    }
  c->running = FALSE;
  c->restarting = FALSE;
  note_state (engine, c, before);
  if (c->auto_remove)
    remove_container (engine, c);
}

static void
executable_not_found (OslDockerContainer  *c,
                      GError             **error)
{
  c->exit_code = 127;
  set_daemon_error (error, "failed to create task for container: failed to create shim task: OCI runtime "
                    "create failed: runc create failed: unable to start container process: exec: \"%s\": "
                    "executable file not found in $PATH: unknown", c->argv[0]);
}

gboolean
osl_docker_engine_start (OslDockerEngine     *engine,
                         OslDockerContainer  *c,
                         GString             *out,
                         GError             **error)
{
  OslDockerState before = osl_docker_container_get_state (c);
  OslDockerProgram program;
  OslNsProcess *shim, *init;

  switch (before)
    {
    case OSL_DOCKER_PAUSED:
      set_daemon_error (error, "cannot start a paused container, try unpause instead");
      return FALSE;
    case OSL_DOCKER_DEAD:
    case OSL_DOCKER_REMOVING:
      set_daemon_error (error, "container is marked for removal and cannot be started");
      return FALSE;
    case OSL_DOCKER_RUNNING:
    case OSL_DOCKER_RESTARTING:
      return TRUE;   /* 304 Not Modified: "container is already running", never shown */
    case OSL_DOCKER_CREATED:
    case OSL_DOCKER_EXITED:
    case OSL_DOCKER_N_STATES:
    default:
      break;
    }
  for (guint p = 0; p < c->host_ports->len; p++)
    {
      guint port = g_array_index (c->host_ports, guint, p);

      if (port_owner (engine, c, port) != NULL)
        {
          set_daemon_error (error, "driver failed programming external connectivity on endpoint %s (%s): "
                            "Bind for 0.0.0.0:%u failed: port is already allocated", c->name, c->id, port);
          return FALSE;
        }
    }
  program = osl_docker_shell_classify (c, c->argv);
  if (program == OSL_DOCKER_PROGRAM_MISSING)
    {
      executable_not_found (c, error);
      return FALSE;
    }

  c->running = TRUE;
  c->paused = FALSE;
  c->restarting = FALSE;
  c->manually_stopped = FALSE;
  c->oom_killed = FALSE;
  c->started_at = engine->now;
  c->exit_code = 0;
  {
    g_autofree char *hostname = g_strdup_printf ("%.12s", c->id);
    c->address = free_address (engine);
    c->ns_set = osl_ns_host_create_set (engine->host, hostname, c->address);
  }
  shim = osl_ns_host_spawn (engine->host, OSL_NS_HOST, 1, "containerd-shim-runc-v2", TRUE);
  init = osl_ns_host_spawn (engine->host, c->ns_set, shim->host_pid, c->command,
                            osl_docker_program_handles_sigterm (program));
  c->init_host_pid = init->host_pid;
  note_state (engine, c, before);

  switch (program)
    {
    case OSL_DOCKER_PROGRAM_SERVER:
      {
        g_autofree char *log = osl_docker_shell_startup_log (c);
        g_string_append (out, log);
      }
      break;
    case OSL_DOCKER_PROGRAM_SHELL:
      /* Without -i, stdin is closed: the shell reads EOF and exits 0. */
      if (!c->interactive && c->argv[1] == NULL)
        osl_docker_engine_main_exited (engine, c, 0);
      else if (c->argv[1] != NULL)
        osl_docker_engine_main_exited (engine, c, osl_docker_shell_run (engine, c, c->argv, out));
      break;
    case OSL_DOCKER_PROGRAM_STRESS:
      {
        gint64 bytes = osl_docker_shell_stress_bytes (c->argv);

        if (bytes <= 0)
          {
            g_string_append (out, "`stress' imposes certain types of compute stress on your system\n");
            osl_docker_engine_main_exited (engine, c, 0);
          }
        else if (c->memory_max != OSL_CGROUP_MAX && bytes > c->memory_max)
          {
            g_string_append (out, "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
            c->oom_killed = TRUE;
            add_event (engine, OSL_DOCKER_EVENT_OOM, c->id, OSL_DOCKER_RUNNING, OSL_DOCKER_EXITED);
            osl_docker_engine_main_exited (engine, c, 137);
          }
        else
          g_string_append (out, "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
      }
      break;
    case OSL_DOCKER_PROGRAM_TOOL:
      osl_docker_engine_main_exited (engine, c, osl_docker_shell_run (engine, c, c->argv, out));
      break;
    case OSL_DOCKER_PROGRAM_SLEEP:
    case OSL_DOCKER_PROGRAM_MISSING:
    default:
      break;
    }
  return TRUE;
}

/* docker stop: SIGTERM, wait up to @timeout seconds, then SIGKILL. PID 1
 * only gets SIGTERM if it installed a handler (pid_namespaces(7)). */
gboolean
osl_docker_engine_stop (OslDockerEngine     *engine,
                        OslDockerContainer  *c,
                        int                  timeout,
                        GError             **error)
{
  OslNsProcess *init;
  int code = 137;

  if (!c->running)
    return TRUE;   /* 304 Not Modified: "container is already stopped", never shown */
  c->manually_stopped = TRUE;
  if (c->restarting)
    {
      OslDockerState before = osl_docker_container_get_state (c);

      c->running = FALSE;
      c->restarting = FALSE;
      note_state (engine, c, before);
      return TRUE;
    }
  init = osl_ns_host_find (engine->host, OSL_NS_HOST, c->init_host_pid);
  if (init != NULL && osl_ns_signal_is_delivered (engine->host, OSL_NS_HOST, init, SIGTERM))
    code = 0;
  else
    engine->now += MAX (timeout, 0);
  osl_docker_engine_main_exited (engine, c, code);
  return TRUE;
}

gboolean
osl_docker_engine_restart (OslDockerEngine     *engine,
                           OslDockerContainer  *c,
                           int                  timeout,
                           GError             **error)
{
  g_autoptr(GString) ignored = g_string_new (NULL);

  if (!osl_docker_engine_stop (engine, c, timeout, error))
    return FALSE;
  c->manually_stopped = FALSE;
  return osl_docker_engine_start (engine, c, ignored, error);
}

static gboolean
parse_signal (const char *name,
              int        *signo)
{
  static const struct { const char *name; int number; } signals[] = {
    { "KILL", SIGKILL }, { "TERM", SIGTERM }, { "INT", SIGINT }, { "HUP", SIGHUP },
    { "QUIT", SIGQUIT }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "STOP", SIGSTOP },
  };
  const char *bare = g_str_has_prefix (name, "SIG") ? name + 3 : name;
  guint64 number;

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    if (g_ascii_strcasecmp (bare, signals[i].name) == 0)
      {
        *signo = signals[i].number;
        return TRUE;
      }
  if (g_ascii_string_to_unsigned (name, 10, 1, 64, &number, NULL))
    {
      *signo = (int) number;
      return TRUE;
    }
  return FALSE;
}

gboolean
osl_docker_engine_kill (OslDockerEngine     *engine,
                        OslDockerContainer  *c,
                        const char          *typed_name,
                        const char          *signal,
                        GError             **error)
{
  OslNsProcess *init;
  int signo = SIGKILL;

  if (signal != NULL && !parse_signal (signal, &signo))
    {
      set_daemon_error (error, "Invalid signal: %s", signal);
      return FALSE;
    }
  if (!c->running)
    {
      set_daemon_error (error, "cannot kill container: %s: container %s is not running", typed_name, c->id);
      return FALSE;
    }
  if (c->restarting)
    {
      /* No process to signal: tell the restart manager to give up. */
      c->manually_stopped = TRUE;
      osl_docker_engine_main_exited (engine, c, c->exit_code);
      return TRUE;
    }
  init = osl_ns_host_find (engine->host, OSL_NS_HOST, c->init_host_pid);
  if (init == NULL || !osl_ns_signal_is_delivered (engine->host, OSL_NS_HOST, init, signo))
    return TRUE;   /* PID 1 has no handler: the signal is dropped, the container runs on */
  c->manually_stopped = TRUE;
  osl_docker_engine_main_exited (engine, c, 128 + signo);
  return TRUE;
}

gboolean
osl_docker_engine_pause (OslDockerEngine     *engine,
                         OslDockerContainer  *c,
                         GError             **error)
{
  OslDockerState before = osl_docker_container_get_state (c);

  switch (before)
    {
    case OSL_DOCKER_RUNNING:
      c->paused = TRUE;   /* cgroup.freeze = 1 */
      note_state (engine, c, before);
      return TRUE;
    case OSL_DOCKER_PAUSED:
      set_daemon_error (error, "container %s is already paused", c->id);
      return FALSE;
    case OSL_DOCKER_RESTARTING:
      set_daemon_error (error, "Container %s is restarting, wait until the container is running", c->id);
      return FALSE;
    case OSL_DOCKER_CREATED:
    case OSL_DOCKER_REMOVING:
    case OSL_DOCKER_EXITED:
    case OSL_DOCKER_DEAD:
    case OSL_DOCKER_N_STATES:
    default:
      set_daemon_error (error, "container %s is not running", c->id);
      return FALSE;
    }
}

gboolean
osl_docker_engine_unpause (OslDockerEngine     *engine,
                           OslDockerContainer  *c,
                           GError             **error)
{
  OslDockerState before = osl_docker_container_get_state (c);

  if (before != OSL_DOCKER_PAUSED)
    {
      set_daemon_error (error, "Container %s is not paused", c->id);
      return FALSE;
    }
  c->paused = FALSE;
  note_state (engine, c, before);
  return TRUE;
}

gboolean
osl_docker_engine_rm (OslDockerEngine     *engine,
                      OslDockerContainer  *c,
                      const char          *typed_name,
                      gboolean             force,
                      GError             **error)
{
  OslDockerState state = osl_docker_container_get_state (c);

  if (!force)
    {
      if (state == OSL_DOCKER_PAUSED)
        {
          set_daemon_error (error, "cannot remove container \"%s\": container is paused and must be unpaused first",
                            typed_name);
          return FALSE;
        }
      if (state == OSL_DOCKER_RUNNING || state == OSL_DOCKER_RESTARTING)
        {
          set_daemon_error (error, "cannot remove container \"%s\": container is %s: stop the container before "
                            "removing or force remove", typed_name,
                            state == OSL_DOCKER_RUNNING ? "running" : "restarting");
          return FALSE;
        }
    }
  else if (c->running)
    {
      c->manually_stopped = TRUE;
      c->auto_remove = FALSE;
      osl_docker_engine_main_exited (engine, c, 137);
    }
  if (engine->removal_fails)
    {
      OslDockerState before = osl_docker_container_get_state (c);

      /* delete.go marks the container Dead before the layer is released. */
      c->removal_in_progress = TRUE;
      note_state (engine, c, before);
      before = OSL_DOCKER_REMOVING;
      c->removal_in_progress = FALSE;
      c->dead = TRUE;
      note_state (engine, c, before);
      set_daemon_error (error, "container %s: driver \"overlay2\" failed to remove root filesystem: unlinkat "
                        "/var/lib/docker/overlay2/%.12s/merged: device or resource busy", c->id, c->id);
      return FALSE;
    }
  remove_container (engine, c);
  return TRUE;
}

gboolean
osl_docker_engine_exec (OslDockerEngine     *engine,
                        OslDockerContainer  *c,
                        char               **argv,
                        gboolean             interactive,
                        GString             *out,
                        int                 *exit_status,
                        GError             **error)
{
  OslDockerState state = osl_docker_container_get_state (c);
  OslDockerProgram program;

  if (state == OSL_DOCKER_PAUSED)
    {
      set_daemon_error (error, "Container %s is paused, unpause the container before exec", c->id);
      return FALSE;
    }
  if (state == OSL_DOCKER_RESTARTING)
    {
      set_daemon_error (error, "Container %s is restarting, wait until the container is running", c->id);
      return FALSE;
    }
  if (state != OSL_DOCKER_RUNNING)
    {
      set_daemon_error (error, "container %s is not running", c->id);
      return FALSE;
    }
  program = osl_docker_shell_classify (c, argv);
  if (program == OSL_DOCKER_PROGRAM_MISSING)
    {
      g_set_error (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                   "OCI runtime exec failed: exec failed: unable to start container process: exec: \"%s\": "
                   "executable file not found in $PATH: unknown", argv[0]);
      return FALSE;
    }
  *exit_status = 0;
  if (program == OSL_DOCKER_PROGRAM_SHELL && argv[1] == NULL)
    {
      if (interactive)
        g_string_append_printf (out, "root@%.12s:/# exit\n", c->id);
      return TRUE;
    }
  *exit_status = osl_docker_shell_run (engine, c, argv, out);
  return TRUE;
}

/* These checks are the CLI's own (docker/cli attach.go, current wording). */
gboolean
osl_docker_engine_attach (OslDockerEngine     *engine,
                          OslDockerContainer  *c,
                          GString             *out,
                          GError             **error)
{
  switch (osl_docker_container_get_state (c))
    {
    case OSL_DOCKER_RUNNING:
      return TRUE;
    case OSL_DOCKER_PAUSED:
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                           "cannot attach to a paused container, unpause it first");
      return FALSE;
    case OSL_DOCKER_RESTARTING:
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                           "cannot attach to a restarting container, wait until it is running");
      return FALSE;
    case OSL_DOCKER_CREATED:
    case OSL_DOCKER_REMOVING:
    case OSL_DOCKER_EXITED:
    case OSL_DOCKER_DEAD:
    case OSL_DOCKER_N_STATES:
    default:
      g_set_error_literal (error, OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_CLIENT,
                           "cannot attach to a stopped container, start it first");
      return FALSE;
    }
}

/* docker commit: the container layer becomes a new image layer on top
 * of the image's layers. The container is paused meanwhile. */
OslDockerImage *
osl_docker_engine_commit (OslDockerEngine     *engine,
                          OslDockerContainer  *c,
                          const char          *ref,
                          GError             **error)
{
  OslDockerImage *base = find_image_by_id (engine, c->image_id);
  g_autoptr(GPtrArray) layers = NULL;
  g_autoptr(OslDockerImage) image = NULL;
  g_autofree char *normal = NULL;
  OslOverlayLayer *upper = osl_overlay_get_upper (c->rootfs);
  gboolean pause = osl_docker_container_get_state (c) == OSL_DOCKER_RUNNING;

  if (osl_docker_container_get_state (c) == OSL_DOCKER_DEAD)
    {
      set_daemon_error (error, "You cannot commit container %s which is Dead", c->id);
      return NULL;
    }
  if (ref != NULL && (normal = osl_docker_normalize_ref (ref, error)) == NULL)
    return NULL;
  if (pause)
    osl_docker_engine_pause (engine, c, NULL);
  layers = g_ptr_array_new_with_free_func (layer_release);
  for (guint i = 0; base != NULL && i < base->layers->len; i++)
    g_ptr_array_add (layers, g_rc_box_acquire (base->layers->pdata[i]));
  g_ptr_array_add (layers, layer_new (osl_overlay_layer_copy (upper, _("committed layer")),
                                      "docker commit", (gint64) osl_overlay_layer_get_size (upper)));
  image = image_new (layers, c->command, engine->now);
  if (pause)
    osl_docker_engine_unpause (engine, c, NULL);
  return store_image (engine, image, normal);
}

static void
collect_files (OslOverlay *rootfs,
               const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GPtrArray) names = osl_overlay_list (rootfs, dir, NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      g_autofree char *path = g_build_path ("/", dir, names->pdata[i], NULL);
      const OslOverlayEntry *entry = osl_overlay_lookup (rootfs, path, NULL, NULL);

      g_ptr_array_add (files, g_strdup (path));
      if (entry != NULL && entry->kind == OSL_OVERLAY_DIR)
        collect_files (rootfs, path, files);
    }
}

/* docker export: the flattened (merged) filesystem, no layer history. */
gboolean
osl_docker_engine_export (OslDockerEngine     *engine,
                          OslDockerContainer  *c,
                          GPtrArray          **files,
                          GError             **error)
{
  if (osl_docker_container_get_state (c) == OSL_DOCKER_DEAD)
    {
      set_daemon_error (error, "You cannot export container %s which is Dead", c->id);
      return FALSE;
    }
  *files = g_ptr_array_new_with_free_func (g_free);
  collect_files (c->rootfs, "/", *files);
  return TRUE;
}
