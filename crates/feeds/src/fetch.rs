//! Reading feeds and pages: files from disk, URLs over HTTP(S) with conditional GET.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use crate::error::describe;
use crate::{FeedError, FeedSource, MAX_FEED_BYTES};

/// How the [`Fetcher`] behaves on the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Longest a whole request may take, from connecting to the last byte.
    pub timeout: Duration,
    /// Least time between the starts of two requests to the same host, so that polling a
    /// site's feeds and fetching the pages they link to does not hammer it.
    pub host_delay: Duration,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Largest response (or feed file) read, in bytes once decompressed.
    pub max_bytes: usize,
}

impl Default for FetchOptions {
    /// 30 s timeout, 1 s between requests to one host, [`default_user_agent`],
    /// [`MAX_FEED_BYTES`].
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            host_delay: Duration::from_secs(1),
            user_agent: default_user_agent(),
            max_bytes: MAX_FEED_BYTES,
        }
    }
}

/// `dossier/<version>`, followed by `(+<repository URL>)` when the package declares one,
/// so a site operator can tell who is polling.
pub fn default_user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("dossier/{version}"),
        repo => format!("dossier/{version} (+{repo})"),
    }
}

/// The conditional-GET validators of a feed's last successful fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` response header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` response header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// What reading a feed gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedResponse {
    /// `304 Not Modified`: nothing new since the validators were issued.
    NotModified,
    /// The feed's bytes.
    Body(FeedBody),
}

/// A feed's bytes, as served or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedBody {
    /// The raw bytes (decompressed, not decoded: the XML declaration names the encoding).
    pub bytes: Vec<u8>,
    /// The validators to send next time (both `None` for files and for servers that give
    /// none).
    pub validators: Validators,
    /// The URL the feed was finally served from (after redirects), for resolving relative
    /// links; `None` for files.
    pub url: Option<String>,
}

/// A web page an entry links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The raw bytes (decompressed, not decoded).
    pub bytes: Vec<u8>,
    /// The charset of the `Content-Type` header, if any (for
    /// [`dossier_web::extract_article`]).
    pub charset: Option<String>,
    /// The URL the page was finally served from (after redirects).
    pub url: String,
}

/// Reads feeds and pages. One fetcher keeps its connections and the time of its last
/// request to each host (for [`FetchOptions::host_delay`]), so keep one for a whole run.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    options: FetchOptions,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    /// A fetcher with these options. Proxies are taken from the usual environment
    /// variables (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    pub fn new(options: FetchOptions) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            // Statuses are handled here: 304 is an answer, not an error.
            .http_status_as_error(false)
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(options.timeout.min(Duration::from_secs(10))))
            .user_agent(options.user_agent.as_str())
            .build()
            .new_agent();
        Fetcher {
            agent,
            options,
            last_request: HashMap::new(),
        }
    }

    /// The options this fetcher was made with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Reads a feed. For a URL, `validators` (from the previous successful fetch) make the
    /// request conditional, and a `304` gives [`FeedResponse::NotModified`]; a file is
    /// always read.
    pub fn fetch_feed(
        &mut self,
        source: &FeedSource,
        validators: &Validators,
    ) -> Result<FeedResponse, FeedError> {
        match source {
            FeedSource::File(path) => {
                let shown = path.display().to_string();
                let file = std::fs::File::open(path).map_err(|source| FeedError::Io {
                    path: shown.clone(),
                    source,
                })?;
                let mut bytes = Vec::new();
                file.take(self.options.max_bytes as u64 + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|source| FeedError::Io {
                        path: shown.clone(),
                        source,
                    })?;
                if bytes.len() > self.options.max_bytes {
                    return Err(FeedError::TooLarge { url: shown });
                }
                Ok(FeedResponse::Body(FeedBody {
                    bytes,
                    validators: Validators::default(),
                    url: None,
                }))
            }
            FeedSource::Url(url) => {
                let mut headers = Vec::new();
                if let Some(etag) = &validators.etag {
                    headers.push(("If-None-Match", etag.as_str()));
                }
                if let Some(lm) = &validators.last_modified {
                    headers.push(("If-Modified-Since", lm.as_str()));
                }
                let accept = "application/rss+xml, application/atom+xml, application/feed+json, \
                              application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
                let mut response = self.get(url, accept, &headers)?;
                if response.status().as_u16() == 304 {
                    return Ok(FeedResponse::NotModified);
                }
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(|v| v.trim().to_string())
                        .filter(|v| !v.is_empty())
                };
                let validators = Validators {
                    etag: header("etag"),
                    last_modified: header("last-modified"),
                };
                let final_url = response.get_uri().to_string();
                let bytes = self.read_body(url, &mut response)?;
                Ok(FeedResponse::Body(FeedBody {
                    bytes,
                    validators,
                    url: Some(final_url),
                }))
            }
        }
    }

    /// Fetches the web page at `url` (an entry's link). Anything but an HTML page (by its
    /// `Content-Type`; a missing one is taken to be HTML) is a [`FeedError::NotHtml`].
    pub fn fetch_page(&mut self, url: &str) -> Result<Page, FeedError> {
        let accept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
        let mut response = self.get(url, accept, &[])?;
        let mime = response.body().mime_type().map(str::to_ascii_lowercase);
        if let Some(mime) = mime {
            if !mime.contains("html") {
                return Err(FeedError::NotHtml {
                    url: url.to_string(),
                    content_type: mime,
                });
            }
        }
        let charset = response.body().charset().map(str::to_string);
        let final_url = response.get_uri().to_string();
        let bytes = self.read_body(url, &mut response)?;
        Ok(Page {
            bytes,
            charset,
            url: final_url,
        })
    }

    /// Sends a GET after the politeness delay; any status but 2xx and 304 is an error.
    fn get(
        &mut self,
        url: &str,
        accept: &str,
        headers: &[(&str, &str)],
    ) -> Result<ureq::http::Response<ureq::Body>, FeedError> {
        self.wait_for_host(url);
        let mut request = self.agent.get(url).header("Accept", accept);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.call().map_err(|e| network(url, e))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) || status == 304 {
            Ok(response)
        } else {
            Err(FeedError::Status {
                url: url.to_string(),
                status,
            })
        }
    }

    fn read_body(
        &self,
        url: &str,
        response: &mut ureq::http::Response<ureq::Body>,
    ) -> Result<Vec<u8>, FeedError> {
        let limit = self.options.max_bytes as u64;
        if response.body().content_length().is_some_and(|n| n > limit) {
            return Err(FeedError::TooLarge {
                url: url.to_string(),
            });
        }
        response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => FeedError::TooLarge {
                    url: url.to_string(),
                },
                e => network(url, e),
            })
    }

    /// Sleeps until [`FetchOptions::host_delay`] has passed since the last request to
    /// `url`'s host, and records this request.
    fn wait_for_host(&mut self, url: &str) {
        let Some(host) = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        else {
            return;
        };
        if let Some(last) = self.last_request.get(&host) {
            let since = last.elapsed();
            if since < self.options.host_delay {
                std::thread::sleep(self.options.host_delay - since);
            }
        }
        // Long watches meet many page hosts; only recent requests matter.
        if self.last_request.len() >= 1024 {
            let delay = self.options.host_delay;
            self.last_request.retain(|_, t| t.elapsed() < delay);
        }
        self.last_request.insert(host, Instant::now());
    }
}

fn network(url: &str, err: ureq::Error) -> FeedError {
    FeedError::Network {
        url: url.to_string(),
        reason: describe(&err),
        source: Box::new(err),
    }
}
