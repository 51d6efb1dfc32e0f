/* osl-cloud-lab.h: the EC2 lab of the lecture as a step-through
 *
 * Security group, SSH ingress rule, key pair (and chmod 400), one
 * t2.micro instance, a Name tag, its public IP, ssh, Docker installed,
 * started and enabled, and finally a container: resources appear as the
 * steps create them. Nothing talks to a real cloud; ids are derived from
 * the student name, addresses come from the documentation ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_CLOUD_LAB_ERROR (osl_cloud_lab_error_quark ())

typedef enum
{
  OSL_CLOUD_LAB_ERROR_STUDENT,
  OSL_CLOUD_LAB_ERROR_CIDR,
} OslCloudLabError;

typedef enum
{
  OSL_CLOUD_SECURITY_GROUP,
  OSL_CLOUD_INGRESS_RULE,
  OSL_CLOUD_KEY_PAIR,
  OSL_CLOUD_KEY_PROTECTED,
  OSL_CLOUD_INSTANCE,
  OSL_CLOUD_TAG,
  OSL_CLOUD_PUBLIC_IP,
  OSL_CLOUD_SSH_SESSION,
  OSL_CLOUD_CONSOLE,
  OSL_CLOUD_DOCKER_INSTALLED,
  OSL_CLOUD_DOCKER_STARTED,
  OSL_CLOUD_DOCKER_ENABLED,
  OSL_CLOUD_DOCKER_VERSION,
  OSL_CLOUD_CONTAINER,
  OSL_CLOUD_N_STEPS
} OslCloudResource;

typedef struct
{
  OslCloudResource  creates;
  const char       *card;
  char             *title;
  char             *command;
  char             *output;
  char             *explanation;
  char             *warning;     /* NULL when the step carries no risk */
} OslCloudStep;

typedef struct
{
  char         *student;
  char         *ssh_cidr;
  char         *group_id;
  char         *instance_id;
  char         *public_ip;
  guint         position;        /* steps done, 0 … OSL_CLOUD_N_STEPS */
  OslCloudStep  steps[OSL_CLOUD_N_STEPS];
} OslCloudLab;

GQuark              osl_cloud_lab_error_quark   (void);
OslCloudLab        *osl_cloud_lab_new           (const char   *student,
                                                 const char   *ssh_cidr,
                                                 GError      **error);
void                osl_cloud_lab_free          (OslCloudLab  *lab);
gboolean            osl_cloud_lab_check_cidr    (const char   *cidr,
                                                 GError      **error);
gboolean            osl_cloud_lab_step          (OslCloudLab  *lab);
gboolean            osl_cloud_lab_step_back     (OslCloudLab  *lab);
gboolean            osl_cloud_lab_has           (OslCloudLab  *lab,
                                                 OslCloudResource resource);
const OslCloudStep *osl_cloud_lab_current       (OslCloudLab  *lab);
char               *osl_cloud_lab_final_picture (OslCloudLab  *lab);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslCloudLab, osl_cloud_lab_free)

G_END_DECLS
