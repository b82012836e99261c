//! The document around the app: its title, the theme on the root element,
//! and printing.

use leptos::prelude::document;

/// Sets the tab's title (each page names itself).
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Sets `data-theme` on the root element, or removes it to follow the system.
pub fn set_theme_attribute(theme: Option<&str>) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Some(value) => root.set_attribute("data-theme", value),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Opens the browser's print dialog (the print style sheet shapes the page).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
