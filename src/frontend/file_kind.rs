//! What a file is to presign-lint, from its name: the one place that reads file names and
//! extensions. Source languages come from the family profiles ([`super::profile`]); the
//! other kinds (configuration, infrastructure code, shell scripts, prose) are listed here.

use std::path::Path;

use super::Language;
use super::profile::PROFILES;

/// Every way presign-lint reads a file, told from its name. A file may be several things at
/// once: a `.tf` file is configuration and infrastructure code, a `.sh` file a shell script
/// whose lines may hold credentials.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileKind {
    /// The source language whose front end parses it.
    pub language: Option<Language>,
    /// The configuration format it is written in (presign expiry keys).
    pub config: Option<ConfigFormat>,
    /// Its lines are read for credential keys: configuration, shell scripts, Dockerfiles,
    /// the AWS CLI's `credentials` and `config` files.
    pub credential_lines: bool,
    /// The infrastructure-code format it may hold policies, buckets or SAS lifetimes in.
    pub infrastructure: Option<Infrastructure>,
    /// A shell script by its extension ([`FileKind::is_shell_script`] also reads a shebang).
    pub shell_script: bool,
    /// A file whose parts are shell scripts: Dockerfile `RUN` lines, Makefile recipes (CI
    /// YAML steps are found in any YAML file).
    pub script_host: Option<ScriptHost>,
    /// Prose (Markdown, reStructuredText), whose fenced code shows syntax rather than uses it.
    pub prose: bool,
}

/// The infrastructure-code formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Infrastructure {
    Json,
    /// JSON with comments (ARM templates).
    Jsonc,
    Yaml,
    /// CloudFormation `.template`: JSON or YAML.
    Template,
    Terraform,
    Bicep,
}

/// The configuration formats, by extension (`.env` files by name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigFormat {
    Yaml,
    Json,
    Toml,
    /// INI and its kin: `.ini`, `.cfg`, `.conf`.
    Ini,
    Properties,
    /// Terraform and HCL: `.tf`, `.tfvars`, `.hcl`.
    Hcl,
    Env,
}

/// Files that hold shell scripts in parts of their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptHost {
    Dockerfile,
    Makefile,
}

/// Configuration formats by extension.
const CONFIG_EXTENSIONS: &[(&str, ConfigFormat)] = &[
    ("yaml", ConfigFormat::Yaml),
    ("yml", ConfigFormat::Yaml),
    ("json", ConfigFormat::Json),
    ("toml", ConfigFormat::Toml),
    ("ini", ConfigFormat::Ini),
    ("cfg", ConfigFormat::Ini),
    ("conf", ConfigFormat::Ini),
    ("properties", ConfigFormat::Properties),
    ("tf", ConfigFormat::Hcl),
    ("tfvars", ConfigFormat::Hcl),
    ("hcl", ConfigFormat::Hcl),
    ("env", ConfigFormat::Env),
];

/// Extensions of shell scripts, and the shells a shebang may name.
const SHELLS: &[&str] = &["sh", "bash", "zsh", "ksh"];

const PROSE_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "rst"];

impl FileKind {
    pub fn detect(path: &Path) -> FileKind {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return FileKind::default();
        };
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e);
        let ext_is = |list: &[&str]| ext.is_some_and(|e| list.contains(&e));
        let env_file = lower == ".env" || lower.starts_with(".env.") || lower.ends_with(".env");
        let config = if env_file {
            Some(ConfigFormat::Env)
        } else {
            CONFIG_EXTENSIONS
                .iter()
                .find(|(e, _)| Some(*e) == ext)
                .map(|(_, format)| *format)
        };
        let shell_script = ext_is(SHELLS);
        let dockerfile = ext_is(&["dockerfile"])
            || lower.starts_with("dockerfile")
            || lower.starts_with("containerfile");
        let makefile =
            matches!(lower.as_str(), "makefile" | "gnumakefile") || ext_is(&["mk", "make"]);
        let in_aws_dir = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|d| d == ".aws");
        FileKind {
            language: language(name, ext),
            config,
            credential_lines: config.is_some()
                || shell_script
                || dockerfile
                || ext_is(&["envrc"])
                || lower == ".envrc"
                || lower == "credentials"
                || (in_aws_dir && lower == "config"),
            infrastructure: ext.and_then(|e| {
                Some(match e {
                    "json" => Infrastructure::Json,
                    "jsonc" => Infrastructure::Jsonc,
                    "yaml" | "yml" => Infrastructure::Yaml,
                    "template" => Infrastructure::Template,
                    "tf" => Infrastructure::Terraform,
                    "bicep" => Infrastructure::Bicep,
                    _ => return None,
                })
            }),
            shell_script,
            script_host: if dockerfile {
                Some(ScriptHost::Dockerfile)
            } else if makefile {
                Some(ScriptHost::Makefile)
            } else {
                None
            },
            prose: ext_is(PROSE_EXTENSIONS),
        }
    }

    /// The source language of the file at `path`: [`FileKind::detect`]'s `language`, without
    /// the rest. Asked of every file a walk lists, so it allocates nothing.
    pub fn language_of(path: &Path) -> Option<Language> {
        let name = path.file_name()?.to_str()?;
        // No extension a language has is longer: a longer one matches none, as none does.
        let mut lowered = [0u8; 16];
        let ext = match name.rsplit_once('.') {
            Some((_, ext)) if ext.len() <= lowered.len() => {
                let lowered = &mut lowered[..ext.len()];
                lowered.copy_from_slice(ext.as_bytes());
                lowered.make_ascii_lowercase();
                std::str::from_utf8(lowered).ok()
            }
            _ => None,
        };
        language(name, ext)
    }

    /// A shell script, by its extension or its shebang (`#!/bin/bash`, `#!/usr/bin/env zsh`).
    pub fn is_shell_script(&self, text: &str) -> bool {
        let first = text.lines().next().unwrap_or("");
        self.shell_script || (first.starts_with("#!") && SHELLS.iter().any(|s| first.contains(s)))
    }
}

/// The source language of a file name (`name` as written, `ext` lowercased): whole names
/// first (`Rakefile`), then extensions, from the family profiles.
fn language(name: &str, ext: Option<&str>) -> Option<Language> {
    for profile in PROFILES {
        if profile.file_names.contains(&name) {
            return profile.languages.first().map(|e| e.language);
        }
    }
    let ext = ext?;
    PROFILES
        .iter()
        .flat_map(|p| p.languages.iter())
        .find(|e| e.extensions.contains(&ext))
        .map(|e| e.language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_alone_is_the_one_detect_finds() {
        let mut names: Vec<String> = PROFILES
            .iter()
            .flat_map(|p| {
                p.file_names.iter().map(|n| n.to_string()).chain(
                    p.languages
                        .iter()
                        .flat_map(|l| l.extensions.iter())
                        .flat_map(|e| [format!("a.{e}"), format!("A.{}", e.to_uppercase())]),
                )
            })
            .collect();
        names.extend(
            [
                "README.md",
                "x",
                ".py",
                "a.b.c",
                "a.verylongextension1234",
                "a.ÉTÉ",
                "Makefile",
            ]
            .map(String::from),
        );
        for name in &names {
            let path = Path::new("/p").join(name);
            assert_eq!(
                FileKind::language_of(&path),
                kind(&path.to_string_lossy()).language,
                "{name}"
            );
        }
        assert!(names.len() > 40, "{}", names.len());
    }

    fn kind(path: &str) -> FileKind {
        FileKind::detect(Path::new(path))
    }

    #[test]
    fn source_languages_by_extension_and_name() {
        assert_eq!(kind("a/b.py").language, Some(Language::Python));
        assert_eq!(kind("a/B.PY").language, Some(Language::Python));
        assert_eq!(kind("x.tsx").language, Some(Language::Tsx));
        assert_eq!(kind("x.h").language, Some(Language::Cpp));
        assert_eq!(kind("x.ipynb").language, Some(Language::Notebook));
        assert_eq!(kind("Rakefile").language, Some(Language::Ruby));
        assert_eq!(kind("rakefile").language, None);
        assert_eq!(kind("py").language, None);
        assert_eq!(kind("x.yaml").language, None);
    }

    #[test]
    fn configuration_and_credential_files() {
        for yes in [
            ".env",
            ".env.local",
            "prod.env",
            "a.yml",
            "x.tf",
            "app.properties",
        ] {
            assert!(kind(yes).config.is_some(), "{yes}");
            assert!(kind(yes).credential_lines, "{yes}");
        }
        for only_credentials in [
            "deploy.sh",
            "Dockerfile",
            "Dockerfile.prod",
            ".envrc",
            "home/.aws/credentials",
            "home/.aws/config",
        ] {
            assert!(
                kind(only_credentials).config.is_none(),
                "{only_credentials}"
            );
            assert!(
                kind(only_credentials).credential_lines,
                "{only_credentials}"
            );
        }
        assert!(!kind("app/config").credential_lines);
        assert!(kind("x.py").config.is_none() && !kind("x.py").credential_lines);
        assert_eq!(kind("a/pyproject.toml").config, Some(ConfigFormat::Toml));
        assert_eq!(kind(".env.prod").config, Some(ConfigFormat::Env));
    }

    #[test]
    fn infrastructure_shell_and_prose() {
        assert_eq!(
            kind("main.tf").infrastructure,
            Some(Infrastructure::Terraform)
        );
        assert_eq!(
            kind("a.TEMPLATE").infrastructure,
            Some(Infrastructure::Template)
        );
        assert_eq!(
            kind("sas.bicep").infrastructure,
            Some(Infrastructure::Bicep)
        );
        assert_eq!(kind("x.py").infrastructure, None);
        assert!(kind("run.BASH").shell_script);
        assert!(kind("run").is_shell_script("#!/usr/bin/env bash\n"));
        assert!(!kind("run").is_shell_script("#!/usr/bin/env python3\n"));
        assert_eq!(
            kind("Dockerfile.prod").script_host,
            Some(ScriptHost::Dockerfile)
        );
        assert_eq!(kind("GNUmakefile").script_host, Some(ScriptHost::Makefile));
        assert_eq!(kind("rules.mk").script_host, Some(ScriptHost::Makefile));
        assert_eq!(kind("make.py").script_host, None);
        assert!(kind("README.md").prose && kind("doc.rst").prose);
        assert!(!kind("x.py").prose);
    }
}
