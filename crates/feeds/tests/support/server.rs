//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: canned responses by path, conditional
//! GET by `ETag` / `Last-Modified`, and a log of the requests it got. One request per
//! connection (`Connection: close`), GET only.
//!
//! Shared by the tests of `dossier-feeds`, `dossier-pipeline` and the `dossier` binary
//! (included with `#[path]`), so not every item is used by each.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A canned response.
#[derive(Clone, Debug)]
pub struct Route {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Send no `Content-Length`: the body ends when the connection closes.
    pub close_delimited: bool,
}

impl Route {
    /// 200 with this body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            content_type: content_type.to_string(),
            body: body.into(),
            etag: None,
            last_modified: None,
            close_delimited: false,
        }
    }

    /// A bare status with a short text body.
    pub fn status(status: u16) -> Route {
        Route::ok("text/plain", format!("status {status}")).with_status(status)
    }

    pub fn with_status(mut self, status: u16) -> Route {
        self.status = status;
        self
    }

    pub fn with_etag(mut self, etag: &str) -> Route {
        self.etag = Some(etag.to_string());
        self
    }

    pub fn with_last_modified(mut self, date: &str) -> Route {
        self.last_modified = Some(date.to_string());
        self
    }

    pub fn close_delimited(mut self) -> Route {
        self.close_delimited = true;
        self
    }
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
    /// The status it was answered with.
    pub status: u16,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    log: Vec<Request>,
}

pub struct Server {
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let state = Arc::clone(&state);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        // A broken client connection only fails that request.
                        let _ = serve(stream, &state);
                    }
                }
            })
        };
        Server {
            port,
            state,
            stop,
            thread: Some(thread),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn set(&self, path: &str, route: Route) {
        self.state
            .lock()
            .expect("server state")
            .routes
            .insert(path.to_string(), route);
    }

    /// Requests so far, oldest first.
    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().expect("server state").log.clone()
    }

    /// Requests so far for `path`.
    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let route = state
        .lock()
        .expect("server state")
        .routes
        .get(&path)
        .cloned()
        .unwrap_or_else(|| Route::status(404));
    let not_modified = route.status == 200
        && match (
            headers.get("if-none-match"),
            headers.get("if-modified-since"),
        ) {
            (Some(inm), _) => route.etag.as_ref() == Some(inm),
            (None, Some(ims)) => route.last_modified.as_ref() == Some(ims),
            (None, None) => false,
        };
    let status = if not_modified { 304 } else { route.status };
    state.lock().expect("server state").log.push(Request {
        path,
        headers,
        status,
    });

    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    if let Some(etag) = &route.etag {
        head.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(lm) = &route.last_modified {
        head.push_str(&format!("Last-Modified: {lm}\r\n"));
    }
    let body: &[u8] = if not_modified { &[] } else { &route.body };
    if !not_modified {
        head.push_str(&format!("Content-Type: {}\r\n", route.content_type));
    }
    if !route.close_delimited || not_modified {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
