//! The HTML rendering, through the minijinja template `templates/brief.html`.

use minijinja::value::{Serde, Value};
use minijinja::{context, AutoEscape, Environment};

use super::view::BriefView;
use super::RenderError;

const TEMPLATE_NAME: &str = "brief.html";
const TEMPLATE: &str = include_str!("../../templates/brief.html");

pub(crate) fn render(
    page_title: &str,
    briefs: &[BriefView],
    index: bool,
) -> Result<String, RenderError> {
    let mut env = Environment::new();
    // Escape everything, whatever the template is called.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template(TEMPLATE_NAME, TEMPLATE)?;
    let template = env.get_template(TEMPLATE_NAME)?;
    let html = template.render(context! {
        page_title => page_title,
        index => index,
        briefs => Value::from(Serde(briefs)),
    })?;
    Ok(html)
}
