#![allow(dead_code)]

//! A web server on 127.0.0.1 for the tests (never a public address): each request is
//! answered on a thread of its own by the test's `route`, from the request's path and
//! headers.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

/// A request as the route sees it: the path, and the header lines lowercased.
pub struct Request {
    pub path: String,
    pub headers: Vec<String>,
}

/// An answer: the status line's tail (`200 OK`), extra header lines (each ending in
/// `\r\n`), and the body.
pub struct Response {
    pub status: &'static str,
    pub headers: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status: "200 OK",
            headers: format!("Content-Type: {content_type}\r\n"),
            body: body.into(),
        }
    }

    pub fn not_found() -> Response {
        Response {
            status: "404 Not Found",
            headers: "Content-Type: text/plain\r\n".into(),
            body: b"no".to_vec(),
        }
    }
}

/// Starts the server; returns its port.
pub fn serve(route: fn(&Request) -> Response) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let port = listener.local_addr().expect("bound").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let Ok(read) = stream.try_clone() else { return };
                let mut reader = BufReader::new(read);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let mut headers = Vec::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) <= 2 {
                        break;
                    }
                    headers.push(line.trim_end().to_ascii_lowercase());
                }
                let answer = route(&Request { path, headers });
                let head = format!(
                    "HTTP/1.1 {}\r\n{}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    answer.status,
                    answer.headers,
                    answer.body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&answer.body);
            });
        }
    });
    port
}
