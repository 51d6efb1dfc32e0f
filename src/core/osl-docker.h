/* osl-docker.h: a small simulated Docker engine
 *
 * Images are stacks of OverlayFS layers; containers are an overlay over
 * their image's layers, a namespace set and cgroup limits. Their state is
 * derived from flags exactly as moby's State.State() does, so there are
 * the seven real states and no "stopped". Errors carry the daemon's own
 * wording (the CLI adds "Error response from daemon: "). Time is a
 * simulated clock, and ids are digests of deterministic inputs, so a
 * session replays identically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "osl-cgroups.h"
#include "osl-namespaces.h"
#include "osl-overlay.h"

G_BEGIN_DECLS

#define OSL_DOCKER_ERROR (osl_docker_error_quark ())

typedef enum
{
  OSL_DOCKER_ERROR_DAEMON,     /* printed as "Error response from daemon: …" */
  OSL_DOCKER_ERROR_CLIENT,     /* printed as it is */
} OslDockerError;

typedef enum
{
  OSL_DOCKER_CREATED,
  OSL_DOCKER_RUNNING,
  OSL_DOCKER_PAUSED,
  OSL_DOCKER_RESTARTING,
  OSL_DOCKER_REMOVING,
  OSL_DOCKER_EXITED,
  OSL_DOCKER_DEAD,
  OSL_DOCKER_N_STATES,
  OSL_DOCKER_GONE = OSL_DOCKER_N_STATES,   /* in events: no container any more */
} OslDockerState;

#define OSL_DOCKER_HOST_CPUS 2
#define OSL_DOCKER_STOP_TIMEOUT 10      /* defaultStopTimeout on Linux */
#define OSL_DOCKER_SECONDS_PER_COMMAND 5

typedef struct
{
  OslOverlayLayer *fs;
  char            *created_by;   /* the Dockerfile instruction */
  gint64           size;         /* bytes, as `docker images` counts them */
} OslDockerLayer;

typedef struct
{
  char       *id;                /* sha256 hex, 64 digits */
  GPtrArray  *tags;              /* "httpd:2.4" */
  GPtrArray  *layers;            /* OslDockerLayer (rc), bottom first */
  char       *command;           /* CMD */
  gint64      created_at;
} OslDockerImage;

typedef struct
{
  char           *id;
  char           *name;
  char           *image_id;
  char           *image_ref;     /* as the user typed it */
  char           *command;
  char          **argv;
  gboolean        interactive;
  gboolean        tty;
  gboolean        auto_remove;
  char           *restart_policy;
  GPtrArray      *ports;         /* "0.0.0.0:80->80/tcp" */
  GArray         *host_ports;    /* guint */

  /* moby's State flags; osl_docker_container_get_state () derives the state. */
  gboolean        running;
  gboolean        paused;
  gboolean        restarting;
  gboolean        removal_in_progress;
  gboolean        dead;
  gint64          created_at;
  gint64          started_at;    /* −1: never started */
  gint64          finished_at;
  int             exit_code;
  gboolean        oom_killed;
  guint           restart_count;
  gboolean        manually_stopped;

  OslOverlay     *rootfs;
  guint           ns_set;        /* OSL_NS_HOST while not running */
  guint           init_host_pid;
  char           *address;

  gint64          cpu_quota_us;  /* cgroup files, OSL_CGROUP_MAX = "max" */
  gint64          cpu_period_us;
  guint           cpu_weight;
  gint64          memory_max;
  gint64          pids_max;
} OslDockerContainer;

typedef enum
{
  OSL_DOCKER_EVENT_STATE,        /* from → to; from or to may be GONE */
  OSL_DOCKER_EVENT_IMAGE_ADDED,
  OSL_DOCKER_EVENT_IMAGE_REMOVED,
  OSL_DOCKER_EVENT_FILE,         /* a change in a container layer */
  OSL_DOCKER_EVENT_OOM,
} OslDockerEventKind;

typedef struct
{
  OslDockerEventKind  kind;
  char               *subject;   /* container or image id */
  OslDockerState      from;
  OslDockerState      to;
  OslOverlayChange    change;    /* FILE */
  char               *detail;    /* FILE: the path */
} OslDockerEvent;

typedef struct
{
  const char *name;
  const char *description;
  guint       stars;
  gboolean    official;
} OslDockerSearchResult;

/* What `docker create` / `docker run` were asked for. */
typedef struct
{
  const char  *image;
  const char  *name;
  char       **argv;             /* NULL: the image's CMD */
  gboolean     interactive;
  gboolean     tty;
  gboolean     auto_remove;
  const char  *restart_policy;
  const char **publish;          /* "80:80" … NULL-terminated */
  gint64       cpu_quota_us;
  gint64       cpu_period_us;
  guint        cpu_weight;
  gint64       memory_max;
  gint64       pids_max;
} OslDockerCreateOptions;

typedef struct _OslDockerEngine OslDockerEngine;

GQuark              osl_docker_error_quark         (void);
const char         *osl_docker_state_to_string     (OslDockerState      state);
void                osl_docker_create_options_init (OslDockerCreateOptions *options);

OslDockerEngine    *osl_docker_engine_new          (void);
void                osl_docker_engine_free         (OslDockerEngine    *engine);
gint64              osl_docker_engine_get_now      (OslDockerEngine    *engine);
void                osl_docker_engine_tick         (OslDockerEngine    *engine,
                                                    gint64              seconds);
void                osl_docker_engine_set_removal_fails (OslDockerEngine *engine,
                                                    gboolean            fails);
OslNsHost          *osl_docker_engine_get_host     (OslDockerEngine    *engine);
GPtrArray          *osl_docker_engine_get_containers (OslDockerEngine  *engine);
GPtrArray          *osl_docker_engine_get_images   (OslDockerEngine    *engine);
GArray             *osl_docker_engine_get_events   (OslDockerEngine    *engine);
void                osl_docker_engine_clear_events (OslDockerEngine    *engine);

OslDockerState      osl_docker_container_get_state (const OslDockerContainer *container);
char               *osl_docker_container_status    (const OslDockerContainer *container,
                                                    gint64              now);
char               *osl_docker_human_duration      (gint64              seconds);
char               *osl_docker_human_size          (gint64              bytes);
gint64              osl_docker_image_get_size      (const OslDockerImage *image);

OslDockerContainer *osl_docker_engine_find_container (OslDockerEngine  *engine,
                                                    const char         *name_or_id,
                                                    GError            **error);
OslDockerImage     *osl_docker_engine_find_image   (OslDockerEngine    *engine,
                                                    const char         *ref);
char               *osl_docker_normalize_ref       (const char         *ref,
                                                    GError            **error);

gboolean            osl_docker_engine_pull         (OslDockerEngine    *engine,
                                                    const char         *ref,
                                                    GString            *out,
                                                    GError            **error);
gboolean            osl_docker_engine_push         (OslDockerEngine    *engine,
                                                    const char         *ref,
                                                    GString            *out,
                                                    GError            **error);
gboolean            osl_docker_engine_tag          (OslDockerEngine    *engine,
                                                    const char         *source,
                                                    const char         *target,
                                                    GError            **error);
gboolean            osl_docker_engine_rmi          (OslDockerEngine    *engine,
                                                    const char         *ref,
                                                    gboolean            force,
                                                    GString            *out,
                                                    GError            **error);
gboolean            osl_docker_engine_build        (OslDockerEngine    *engine,
                                                    const char         *tag,
                                                    const char         *context,
                                                    GString            *out,
                                                    GError            **error);
const OslDockerSearchResult *osl_docker_engine_search (OslDockerEngine *engine,
                                                    guint               index);

OslDockerContainer *osl_docker_engine_create       (OslDockerEngine    *engine,
                                                    const OslDockerCreateOptions *options,
                                                    GString            *out,
                                                    GError            **error);
gboolean            osl_docker_engine_start        (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    GString            *out,
                                                    GError            **error);
gboolean            osl_docker_engine_stop         (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    int                 timeout,
                                                    GError            **error);
gboolean            osl_docker_engine_restart      (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    int                 timeout,
                                                    GError            **error);
gboolean            osl_docker_engine_kill         (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    const char         *typed_name,
                                                    const char         *signal,
                                                    GError            **error);
gboolean            osl_docker_engine_pause        (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    GError            **error);
gboolean            osl_docker_engine_unpause      (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    GError            **error);
gboolean            osl_docker_engine_rm           (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    const char         *typed_name,
                                                    gboolean            force,
                                                    GError            **error);
gboolean            osl_docker_engine_exec         (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    char              **argv,
                                                    gboolean            interactive,
                                                    GString            *out,
                                                    int                *exit_status,
                                                    GError            **error);
gboolean            osl_docker_engine_attach       (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    GString            *out,
                                                    GError            **error);
OslDockerImage     *osl_docker_engine_commit       (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    const char         *ref,
                                                    GError            **error);
gboolean            osl_docker_engine_export       (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    GPtrArray         **files,
                                                    GError            **error);

/* Used by the container shell (osl-docker-shell.c). */
void                osl_docker_engine_note_file    (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    const char         *path,
                                                    OslOverlayChange    change);
void                osl_docker_engine_main_exited  (OslDockerEngine    *engine,
                                                    OslDockerContainer *container,
                                                    int                 exit_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslDockerEngine, osl_docker_engine_free)

G_END_DECLS
