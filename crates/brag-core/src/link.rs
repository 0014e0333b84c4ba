//! Evidence links: classifying a URL (pull request, issue, ticket, document, ...) and giving
//! it a short label such as `acme/shop#7`.

use serde::{Deserialize, Serialize};

/// Returns what a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// A GitHub pull request.
    GithubPr,
    /// A GitHub issue.
    GithubIssue,
    /// A GitHub commit.
    GithubCommit,
    /// A GitLab merge request.
    GitlabMr,
    /// A Jira ticket.
    Jira,
    /// A design doc, wiki page or other document.
    Doc,
    /// A picture.
    Image,
    /// Anything else.
    Url,
}

impl LinkKind {
    /// Returns the kind's name as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::GithubPr => "github-pr",
            LinkKind::GithubIssue => "github-issue",
            LinkKind::GithubCommit => "github-commit",
            LinkKind::GitlabMr => "gitlab-mr",
            LinkKind::Jira => "jira",
            LinkKind::Doc => "doc",
            LinkKind::Image => "image",
            LinkKind::Url => "url",
        }
    }
}

/// Returns one evidence link with its kind and a short label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The URL as written.
    pub url: String,
    /// What it points at.
    pub kind: LinkKind,
    /// A short human label, such as `acme/shop#7`.
    pub label: String,
}

impl Link {
    /// Returns the link for a URL, classified and labelled.
    pub fn new(url: &str) -> Link {
        let (kind, label) = classify(url);
        Link {
            url: url.to_owned(),
            kind,
            label,
        }
    }
}

/// Returns the kind and label of a URL.
pub fn classify(url: &str) -> (LinkKind, String) {
    let Some((host, path)) = split_url(url) else {
        return (LinkKind::Url, url.to_owned());
    };
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let host_l = host.to_ascii_lowercase();
    let host_l = host_l.strip_prefix("www.").unwrap_or(&host_l);

    if host_l == "github.com" && segs.len() >= 4 {
        let repo = format!("{}/{}", segs[0], segs[1]);
        match segs[2] {
            "pull" | "pulls" if is_number(segs[3]) => {
                return (LinkKind::GithubPr, format!("{repo}#{}", segs[3]));
            }
            "issues" if is_number(segs[3]) => {
                return (LinkKind::GithubIssue, format!("{repo}#{}", segs[3]));
            }
            "commit" | "commits" => {
                let sha: String = segs[3].chars().take(7).collect();
                return (LinkKind::GithubCommit, format!("{repo}@{sha}"));
            }
            _ => {}
        }
    }
    if host_l.contains("gitlab")
        && let Some(i) = segs.iter().position(|s| *s == "merge_requests")
        && let Some(n) = segs.get(i + 1).filter(|n| is_number(n))
    {
        let project = segs[..i]
            .iter()
            .filter(|s| **s != "-")
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        return (LinkKind::GitlabMr, format!("{project}!{n}"));
    }
    if (host_l.contains("jira") || host_l.ends_with("atlassian.net"))
        && let Some(i) = segs.iter().position(|s| *s == "browse")
        && let Some(key) = segs.get(i + 1)
    {
        return (LinkKind::Jira, (*key).to_owned());
    }
    let last = segs.last().copied().unwrap_or("");
    let ext = last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if matches!(
        ext.as_deref(),
        Some("png" | "jpg" | "jpeg" | "gif" | "svg" | "webp")
    ) {
        return (LinkKind::Image, last.to_owned());
    }
    let is_doc = matches!(ext.as_deref(), Some("pdf" | "doc" | "docx" | "md"))
        || host_l.starts_with("docs.")
        || host_l.starts_with("wiki.")
        || host_l.contains("notion.")
        || host_l.contains("quip.")
        || host_l.contains("confluence")
        || host_l == "paper.dropbox.com"
        || segs.first().is_some_and(|s| *s == "wiki" || *s == "docs");
    let label = short_label(host_l, &segs);
    if is_doc {
        (LinkKind::Doc, label)
    } else {
        (LinkKind::Url, label)
    }
}

fn short_label(host: &str, segs: &[&str]) -> String {
    let mut label = host.to_owned();
    for s in segs.iter().take(3) {
        label.push('/');
        label.push_str(s);
    }
    if segs.len() > 3 {
        label.push_str("/…");
    }
    label
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Returns the host and the path (without query or fragment) of an http(s) URL.
fn split_url(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split_once(':').map_or(host, |(h, _)| h);
    Some((host, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_known_hosts() {
        let cases = [
            (
                "https://github.com/acme/shop/pull/7",
                LinkKind::GithubPr,
                "acme/shop#7",
            ),
            (
                "https://github.com/acme/shop/issues/12",
                LinkKind::GithubIssue,
                "acme/shop#12",
            ),
            (
                "https://github.com/acme/shop/commit/0123456789abcdef",
                LinkKind::GithubCommit,
                "acme/shop@0123456",
            ),
            (
                "https://gitlab.com/grp/sub/proj/-/merge_requests/42",
                LinkKind::GitlabMr,
                "grp/sub/proj!42",
            ),
            (
                "https://acme.atlassian.net/browse/PAY-123",
                LinkKind::Jira,
                "PAY-123",
            ),
            (
                "https://jira.acme.com/browse/OPS-9?x=1",
                LinkKind::Jira,
                "OPS-9",
            ),
            (
                "https://docs.google.com/document/d/abc/edit",
                LinkKind::Doc,
                "docs.google.com/document/d/abc/…",
            ),
            ("https://example.com/shot.PNG", LinkKind::Image, "shot.PNG"),
            ("https://example.com/a/b", LinkKind::Url, "example.com/a/b"),
            (
                "https://github.com/acme/shop",
                LinkKind::Url,
                "github.com/acme/shop",
            ),
            ("not a url", LinkKind::Url, "not a url"),
        ];
        for (url, kind, label) in cases {
            assert_eq!(classify(url), (kind, label.to_owned()), "{url}");
        }
    }
}
