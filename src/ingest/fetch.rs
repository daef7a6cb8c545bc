//! Fetching web pages: one small trait ([`Fetch`]) so everything above it is tested
//! against pages in memory or a server on 127.0.0.1, and its HTTP(S) implementation
//! ([`Http`], on ureq): timeouts, a few redirects, a size cap, a `User-Agent` naming
//! sayso, robots.txt respected per host, and `--offline` refusing everything.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use ureq::ResponseExt;

use super::robots::{MAX_ROBOTS_BYTES, Robots};

/// Largest page read: news pages are a few hundred KB; this leaves room and stops a
/// never-ending response.
pub const MAX_PAGE_BYTES: u64 = 10 << 20;

/// The product token robots.txt files name us by, and the start of our `User-Agent`.
pub const AGENT_TOKEN: &str = "sayso";

/// A page as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL it came from, after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, if any (`text/html; charset=windows-1252`).
    pub content_type: Option<String>,
    /// The validators the server gave (`ETag`, `Last-Modified`), for asking again
    /// conditionally.
    pub validators: Validators,
}

/// What a server says identifies a version of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A conditional fetch's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Page(Page),
    /// `304 Not Modified`: the version already seen is current.
    NotModified,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("{url}: not fetched: sayso is offline (--offline)")]
    Offline { url: String },
    #[error("{url}: not fetched: the site's robots.txt asks robots like sayso not to")]
    Robots { url: String },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: more than {limit} bytes: not read")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: no answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: {message}")]
    Failed { url: String, message: String },
    #[error("{url}: not a web address sayso can fetch (http:// or https://)")]
    BadUrl { url: String },
}

/// Something that gets pages: the network, or a test's pages.
pub trait Fetch: Sync {
    fn get(&self, url: &str) -> Result<Page, FetchError>;

    /// As [`Fetch::get`], unless the page is still the version `seen` identifies.
    fn get_if_changed(&self, url: &str, seen: &Validators) -> Result<Fetched, FetchError> {
        let _ = seen;
        self.get(url).map(Fetched::Page)
    }
}

/// How [`Http`] behaves.
#[derive(Debug, Clone, Copy)]
pub struct HttpOptions {
    /// Refuse every fetch.
    pub offline: bool,
    /// For the whole exchange, connection to last byte.
    pub timeout: Duration,
    pub max_redirects: u32,
    pub max_bytes: u64,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            offline: false,
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_bytes: MAX_PAGE_BYTES,
        }
    }
}

/// HTTP and HTTPS, with each host's robots.txt read once and kept.
pub struct Http {
    agent: ureq::Agent,
    options: HttpOptions,
    robots: Mutex<HashMap<String, Robots>>,
}

impl Http {
    pub fn new(options: HttpOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .http_status_as_error(false)
            .user_agent(format!(
                "{AGENT_TOKEN}/{} (terminal news reader; one page per request)",
                env!("CARGO_PKG_VERSION")
            ))
            .build();
        Http {
            agent: config.into(),
            options,
            robots: Mutex::new(HashMap::new()),
        }
    }

    fn fetch(&self, url: &str, limit: u64) -> Result<Page, FetchError> {
        match self.fetch_if_changed(url, limit, &Validators::default())? {
            Fetched::Page(page) => Ok(page),
            // Not asked conditionally: a 304 is the server's error.
            Fetched::NotModified => Err(FetchError::Status {
                url: url.to_owned(),
                status: 304,
            }),
        }
    }

    fn fetch_if_changed(
        &self,
        url: &str,
        limit: u64,
        seen: &Validators,
    ) -> Result<Fetched, FetchError> {
        let failed = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url: url.to_owned(),
                seconds: self.options.timeout.as_secs(),
            },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                url: url.to_owned(),
                limit,
            },
            other => FetchError::Failed {
                url: url.to_owned(),
                message: other.to_string(),
            },
        };
        let mut request = self.agent.get(url);
        if let Some(etag) = &seen.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &seen.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let mut response = request.call().map_err(failed)?;
        let status = response.status().as_u16();
        if status == 304 && (seen.etag.is_some() || seen.last_modified.is_some()) {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status,
            });
        }
        let final_url = response.get_uri().to_string();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(failed)?;
        Ok(Fetched::Page(Page {
            url: final_url,
            bytes,
            content_type,
            validators,
        }))
    }

    /// Whether the host's robots.txt lets us fetch `url` (read once per host; a missing
    /// or unreadable one allows everything, as RFC 9309 says for 4xx answers).
    fn allowed(&self, url: &Url) -> bool {
        let key = format!("{}://{}", url.scheme, url.authority);
        let known = self
            .robots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
            .cloned();
        let robots = known.unwrap_or_else(|| {
            let robots = match self.fetch(&format!("{key}/robots.txt"), MAX_ROBOTS_BYTES as u64) {
                Ok(page) => Robots::parse(&String::from_utf8_lossy(&page.bytes), AGENT_TOKEN),
                Err(_) => Robots::allow_all(),
            };
            self.robots
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(key, robots.clone());
            robots
        });
        robots.allows(&url.path)
    }
}

impl Http {
    /// Offline, the address and robots.txt checked: what every fetch goes through first.
    fn may_fetch(&self, url: &str) -> Result<(), FetchError> {
        if self.options.offline {
            return Err(FetchError::Offline {
                url: url.to_owned(),
            });
        }
        let parsed = Url::parse(url).ok_or_else(|| FetchError::BadUrl {
            url: url.to_owned(),
        })?;
        match self.allowed(&parsed) {
            true => Ok(()),
            false => Err(FetchError::Robots {
                url: url.to_owned(),
            }),
        }
    }
}

impl Fetch for Http {
    fn get_if_changed(&self, url: &str, seen: &Validators) -> Result<Fetched, FetchError> {
        self.may_fetch(url)?;
        self.fetch_if_changed(url, self.options.max_bytes, seen)
    }

    fn get(&self, url: &str) -> Result<Page, FetchError> {
        self.may_fetch(url)?;
        self.fetch(url, self.options.max_bytes)
    }
}

/// Just enough of a URL: scheme, host (and port), and the path with its query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    pub authority: String,
    pub path: String,
}

impl Url {
    /// An `http://` or `https://` URL; `None` for anything else.
    pub fn parse(url: &str) -> Option<Url> {
        let (scheme, rest) = url.trim().split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = rest.get(..end)?.to_owned();
        if authority.is_empty() || authority.contains(char::is_whitespace) {
            return None;
        }
        let path = rest.get(end..).unwrap_or("");
        let path = path.split('#').next().unwrap_or("");
        let path = match path.starts_with('/') {
            true => path.to_owned(),
            false => format!("/{path}"),
        };
        Some(Url {
            scheme,
            authority,
            path,
        })
    }

    /// `href` read against this URL (absolute, root-relative or relative).
    pub fn join(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if Url::parse(href).is_some() {
            return Some(href.to_owned());
        }
        if href.contains("://") || href.is_empty() {
            return None;
        }
        if let Some(rest) = href.strip_prefix("//") {
            return Some(format!("{}://{rest}", self.scheme));
        }
        let origin = format!("{}://{}", self.scheme, self.authority);
        if href.starts_with('/') {
            return Some(format!("{origin}{href}"));
        }
        let base = self.path.split(['?', '#']).next().unwrap_or("/");
        let dir = base
            .rfind('/')
            .map_or("/", |i| base.get(..=i).unwrap_or("/"));
        Some(format!("{origin}{dir}{href}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_and_joined() {
        let u = Url::parse("HTTP://example.org:8080/news/2024/story.html?x=1#top").unwrap();
        assert_eq!(u.scheme, "http");
        assert_eq!(u.authority, "example.org:8080");
        assert_eq!(u.path, "/news/2024/story.html?x=1");
        assert_eq!(
            u.join("other.html").as_deref(),
            Some("http://example.org:8080/news/2024/other.html")
        );
        assert_eq!(
            u.join("/feed.xml").as_deref(),
            Some("http://example.org:8080/feed.xml")
        );
        assert_eq!(
            u.join("//cdn.example.org/a").as_deref(),
            Some("http://cdn.example.org/a")
        );
        assert_eq!(
            u.join("https://elsewhere.org/b").as_deref(),
            Some("https://elsewhere.org/b")
        );
        assert_eq!(Url::parse("ftp://example.org/x"), None);
        assert_eq!(Url::parse("example.org"), None);
        assert_eq!(Url::parse("http:///nohost"), None);
        assert_eq!(Url::parse("http://a.org").map(|u| u.path), Some("/".into()));
    }

    #[test]
    fn offline_refuses_before_any_network() {
        let http = Http::new(HttpOptions {
            offline: true,
            ..HttpOptions::default()
        });
        assert!(matches!(
            http.get("http://127.0.0.1:9/x"),
            Err(FetchError::Offline { .. })
        ));
        let online = Http::new(HttpOptions::default());
        assert!(matches!(
            online.get("file:///etc/passwd"),
            Err(FetchError::BadUrl { .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_url_text_parses_or_not_without_panicking(url in ".{0,60}", href in ".{0,30}") {
            if let Some(u) = Url::parse(&url) {
                let _ = u.join(&href);
            }
        }
    }
}
