//! Local stand-ins for the third parties the notification worker talks to: an SMTP relay and
//! smsmode's REST API, each on a free port, recording what they receive.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A minimal SMTP server: accepts one session per connection, records each message's DATA,
/// and refuses recipients at `refuse.example`.
pub struct FakeSmtp {
    /// Where it listens (`smtp://127.0.0.1:…`), for [`TestAppBuilder::smtp`](super::app::TestAppBuilder::smtp).
    pub url: String,
    received: Arc<Mutex<Vec<String>>>,
}

impl FakeSmtp {
    /// Starts the server.
    pub async fn start() -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let store = received.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                tokio::spawn(session(socket, store.clone()));
            }
        });
        Self {
            url: format!("smtp://127.0.0.1:{port}"),
            received,
        }
    }

    /// The messages received so far (their DATA, one line per line).
    pub fn messages(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

/// One SMTP session on `socket`.
async fn session(socket: tokio::net::TcpStream, store: Arc<Mutex<Vec<String>>>) {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
    let mut data: Option<String> = None;
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(body) = data.as_mut() {
            if line == "." {
                store.lock().unwrap().push(std::mem::take(body));
                data = None;
                write
                    .write_all(b"250 2.0.0 queued as FAKE1\r\n")
                    .await
                    .unwrap();
            } else {
                body.push_str(&line);
                body.push('\n');
            }
            continue;
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250 fake\r\n",
            "RCPT" if line.contains("refuse.example") => b"550 5.1.1 no such user\r\n",
            "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
            "DATA" => {
                data = Some(String::new());
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"500 unknown\r\n",
        };
        write.write_all(reply).await.unwrap();
    }
}

type Texts = Arc<Mutex<Vec<(String, Value)>>>;

/// A mock of smsmode's REST API recording the messages and the API key they came with.
pub struct FakeSmsMode {
    /// Its base URL, for [`TestAppBuilder::smsmode`](super::app::TestAppBuilder::smsmode).
    pub url: String,
    received: Texts,
}

impl FakeSmsMode {
    /// Starts the mock.
    pub async fn start() -> Self {
        let received: Texts = Default::default();
        let router = axum::Router::new()
            .route("/sms/v1/messages", axum::routing::post(messages))
            .with_state(received.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        Self { url, received }
    }

    /// The messages received so far: the API key sent and the JSON body.
    pub fn messages(&self) -> Vec<(String, Value)> {
        self.received.lock().unwrap().clone()
    }
}

/// `POST /sms/v1/messages`: records the message and answers it en route.
async fn messages(
    State(store): State<Texts>,
    headers: HeaderMap,
    axum::Json(body): axum::Json<Value>,
) -> (StatusCode, axum::Json<Value>) {
    let key = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let id = format!("sms-{}", store.lock().unwrap().len() + 1);
    store.lock().unwrap().push((key, body));
    (
        StatusCode::CREATED,
        axum::Json(json!({ "messageId": id, "status": { "value": "ENROUTE" } })),
    )
}
