/* osl-cloud-lab.c: the EC2 lab of the lecture as a step-through
 *
 * The commands are the lecture's (cards 50–57), with the slides' en
 * dashes written as the "--" the AWS CLI needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-cloud-lab.h"

G_DEFINE_QUARK (osl-cloud-lab-error-quark, osl_cloud_lab_error)

#define AMI_ID "ami-0a1b2c3d4e5f60718"

static char *
derived_id (const char *kind,
            const char *student,
            guint       digits)
{
  g_autofree char *input = g_strconcat (kind, ":", student, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);

  return g_strndup (digest, digits);
}

/* An IPv4 CIDR such as 203.0.113.7/32. */
gboolean
osl_cloud_lab_check_cidr (const char  *cidr,
                          GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) octets = NULL;
  guint64 value;

  if (cidr == NULL || !g_regex_match_simple ("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$", cidr, 0, 0))
    {
      g_set_error (error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_CIDR,
                   _("“%s” is not an IPv4 range: write it as four numbers and a prefix length, such as 203.0.113.7/32."),
                   cidr != NULL ? cidr : "");
      return FALSE;
    }
  parts = g_strsplit (cidr, "/", 2);
  octets = g_strsplit (parts[0], ".", 4);
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_string_to_unsigned (octets[i], 10, 0, 255, &value, NULL))
      {
        g_set_error (error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_CIDR,
                     _("In “%s”, %s is not an address byte: each of the four numbers must be 0 to 255."),
                     cidr, octets[i]);
        return FALSE;
      }
  if (!g_ascii_string_to_unsigned (parts[1], 10, 0, 32, &value, NULL))
    {
      g_set_error (error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_CIDR,
                   _("In “%s”, the prefix length /%s is too long: IPv4 has 32 bits."), cidr, parts[1]);
      return FALSE;
    }
  return TRUE;
}

static void
set_step (OslCloudLab      *lab,
          OslCloudResource  which,
          const char       *card,
          const char       *title,
          char             *command,
          char             *output,
          const char       *explanation,
          char             *warning)
{
  lab->steps[which] = (OslCloudStep) { which, card, g_strdup (title), command, output,
                                       g_strdup (explanation), warning };
}

static void
fill_steps (OslCloudLab *lab)
{
  const char *s = lab->student;
  gboolean open_to_world = g_str_equal (lab->ssh_cidr, "0.0.0.0/0");

  set_step (lab, OSL_CLOUD_SECURITY_GROUP, "50", _("Create a security group"),
            g_strdup_printf ("aws ec2 create-security-group --group-name %s-sg --description \"security group for "
                             "development environment\"", s),
            g_strdup_printf ("{\n    \"GroupId\": \"%s\"\n}", lab->group_id),
            _("A security group is a virtual firewall for instances. A new one allows no inbound traffic at all "
              "and all outbound traffic."), NULL);
  set_step (lab, OSL_CLOUD_INGRESS_RULE, "51", _("Authorise inbound SSH"),
            g_strdup_printf ("aws ec2 authorize-security-group-ingress --group-name %s-sg --protocol tcp --port 22 "
                             "--cidr %s", s, lab->ssh_cidr),
            g_strdup_printf ("{\n    \"Return\": true,\n    \"SecurityGroupRules\": [ { \"IpProtocol\": \"tcp\", "
                             "\"FromPort\": 22, \"ToPort\": 22, \"CidrIpv4\": \"%s\" } ]\n}", lab->ssh_cidr),
            _("An ingress rule lets TCP port 22 (SSH) in from the given range of addresses."),
            open_to_world
              ? g_strdup (_("0.0.0.0/0 means every address on the internet: automated scanners will try to log "
                            "in within minutes. Key-only login makes that hard, but it is safer to allow just your "
                            "own address, e.g. --cidr 203.0.113.7/32."))
              : NULL);
  set_step (lab, OSL_CLOUD_KEY_PAIR, "52", _("Create a key pair"),
            g_strdup_printf ("aws ec2 create-key-pair --key-name %s-key --query 'KeyMaterial' --output text > "
                             "%s-key.pem", s, s),
            g_strdup (""),
            _("AWS keeps the public key and puts it on the instance; the private key is shown once and saved "
              "to the .pem file. Whoever holds that file can log in."), NULL);
  set_step (lab, OSL_CLOUD_KEY_PROTECTED, "52", _("Protect the private key"),
            g_strdup_printf ("mkdir -p ~/.ssh && mv %s-key.pem ~/.ssh/ && chmod 400 ~/.ssh/%s-key.pem", s, s),
            g_strdup (""),
            _("chmod 400 leaves read permission for the owner only (r-- --- ---). ssh refuses a private key "
              "that others can read: “WARNING: UNPROTECTED PRIVATE KEY FILE! Permissions 0644 … are too "
              "open.”"), NULL);
  set_step (lab, OSL_CLOUD_INSTANCE, "53", _("Create the instance"),
            g_strdup_printf ("aws ec2 run-instances --image-id %s --security-group-ids %s --count 1 "
                             "--instance-type t2.micro --key-name %s-key --query 'Instances[0].InstanceId'",
                             AMI_ID, lab->group_id, s),
            g_strdup_printf ("\"%s\"", lab->instance_id),
            _("One virtual machine of type t2.micro (1 vCPU, 1 GiB) boots from the Ubuntu image (AMI). It is a "
              "VM on a Type 1 hypervisor in AWS's data centre."), NULL);
  set_step (lab, OSL_CLOUD_TAG, "54", _("Tag the instance"),
            g_strdup_printf ("aws ec2 create-tags --resources %s --tags Key=Name,Value=%s", lab->instance_id, s),
            g_strdup (""),
            _("The Name tag is what the console shows in its Name column."), NULL);
  set_step (lab, OSL_CLOUD_PUBLIC_IP, "55", _("Get the public IP address"),
            g_strdup_printf ("aws ec2 describe-instances --instance-ids %s --query "
                             "'Reservations[0].Instances[0].PublicIpAddress'", lab->instance_id),
            g_strdup_printf ("\"%s\"", lab->public_ip),
            _("The instance got a public IPv4 address when it started (here from a documentation range)."), NULL);
  set_step (lab, OSL_CLOUD_SSH_SESSION, "56", _("Connect with ssh"),
            g_strdup_printf ("ssh -i ~/.ssh/%s-key.pem ubuntu@%s", s, lab->public_ip),
            g_strdup ("Welcome to Ubuntu 24.04 LTS (GNU/Linux x86_64)\nubuntu@ip-172-31-5-23:~$"),
            _("ssh proves the key matches the public key on the instance; the security group lets port 22 "
              "through. Ubuntu images log in as the user “ubuntu”."), NULL);
  set_step (lab, OSL_CLOUD_CONSOLE, "56", _("List the instance in the AWS console"),
            g_strdup (_("(no code: open EC2 → Instances in the AWS console)")),
            g_strdup_printf ("Name: %s   Instance ID: %s   State: Running   Type: t2.micro   Public IPv4: %s",
                             s, lab->instance_id, lab->public_ip),
            _("The console shows the same resources the commands created."), NULL);
  set_step (lab, OSL_CLOUD_DOCKER_INSTALLED, "57", _("Install Docker"),
            g_strdup ("sudo apt install docker.io -y"),
            g_strdup ("Setting up containerd …\nSetting up docker.io …"),
            _("Ubuntu's docker.io package brings dockerd, containerd and runc."), NULL);
  set_step (lab, OSL_CLOUD_DOCKER_STARTED, "57", _("Start Docker"),
            g_strdup ("sudo systemctl start docker"), g_strdup (""),
            _("systemd starts the Docker daemon now."), NULL);
  set_step (lab, OSL_CLOUD_DOCKER_ENABLED, "57", _("Enable Docker at boot"),
            g_strdup ("sudo systemctl enable docker"),
            g_strdup ("Synchronizing state of docker.service with SysV service script with "
                      "/usr/lib/systemd/systemd-sysv-install."),
            _("enable makes systemd start Docker at every boot; start alone lasts until the next reboot."), NULL);
  set_step (lab, OSL_CLOUD_DOCKER_VERSION, "57", _("Check the Docker version"),
            g_strdup ("docker --version"), g_strdup ("Docker version 27.x (Ubuntu's docker.io package)"),
            _("The client answers. Without sudo, talking to the daemon needs membership of the docker group: "
              "sudo usermod -a -G docker ubuntu, then log in again (card 48)."), NULL);
  set_step (lab, OSL_CLOUD_CONTAINER, "49", _("Run a container"),
            g_strdup ("sudo docker run -p 80:80 -dit --name my-app httpd"),
            g_strdup ("Unable to find image 'httpd:latest' locally\n…\nStatus: Downloaded newer image for httpd:latest"),
            _("Port 80 of the VM now reaches Apache in the container (the security group would also need a rule "
              "for port 80 to reach it from outside)."), NULL);
}

OslCloudLab *
osl_cloud_lab_new (const char  *student,
                   const char  *ssh_cidr,
                   GError     **error)
{
  OslCloudLab *lab;
  g_autofree char *ip_seed = NULL;

  if (student == NULL || !g_regex_match_simple ("^[a-z0-9][a-z0-9-]{0,31}$", student, 0, 0))
    {
      g_set_error (error, OSL_CLOUD_LAB_ERROR, OSL_CLOUD_LAB_ERROR_STUDENT,
                   _("The student name “%s” must be 1 to 32 lower-case letters, digits or hyphens, starting with a "
                     "letter or digit."), student != NULL ? student : "");
      return NULL;
    }
  if (!osl_cloud_lab_check_cidr (ssh_cidr, error))
    return NULL;
  lab = g_new0 (OslCloudLab, 1);
  lab->student = g_strdup (student);
  lab->ssh_cidr = g_strdup (ssh_cidr);
  {
    g_autofree char *sg = derived_id ("sg", student, 17);
    g_autofree char *instance = derived_id ("i", student, 17);
    sg[0] = '0';
    instance[0] = '0';
    lab->group_id = g_strconcat ("sg-", sg, NULL);
    lab->instance_id = g_strconcat ("i-", instance, NULL);
  }
  ip_seed = derived_id ("ip", student, 2);
  lab->public_ip = g_strdup_printf ("203.0.113.%u", 10 + (guint) g_ascii_strtoull (ip_seed, NULL, 16) % 240);
  fill_steps (lab);
  return lab;
}

void
osl_cloud_lab_free (OslCloudLab *lab)
{
  if (lab == NULL)
    return;
  for (guint i = 0; i < OSL_CLOUD_N_STEPS; i++)
    {
      g_free (lab->steps[i].title);
      g_free (lab->steps[i].command);
      g_free (lab->steps[i].output);
      g_free (lab->steps[i].explanation);
      g_free (lab->steps[i].warning);
    }
  g_free (lab->student);
  g_free (lab->ssh_cidr);
  g_free (lab->group_id);
  g_free (lab->instance_id);
  g_free (lab->public_ip);
  g_free (lab);
}

gboolean
osl_cloud_lab_step (OslCloudLab *lab)
{
  if (lab->position >= OSL_CLOUD_N_STEPS)
    return FALSE;
  lab->position++;
  return TRUE;
}

gboolean
osl_cloud_lab_step_back (OslCloudLab *lab)
{
  if (lab->position == 0)
    return FALSE;
  lab->position--;
  return TRUE;
}

gboolean
osl_cloud_lab_has (OslCloudLab      *lab,
                   OslCloudResource  resource)
{
  return resource < lab->position;
}

/* The step just done, or NULL before the first. */
const OslCloudStep *
osl_cloud_lab_current (OslCloudLab *lab)
{
  return lab->position > 0 ? &lab->steps[lab->position - 1] : NULL;
}

char *
osl_cloud_lab_final_picture (OslCloudLab *lab)
{
  return g_strdup_printf (_("A container (my-app, httpd) on Docker, on the Ubuntu guest OS, in the VM %s, on a "
                            "Type 1 hypervisor (t2 instances run on AWS's Xen-based one; newer types on Nitro, "
                            "which is based on KVM), in the cloud."), lab->instance_id);
}
