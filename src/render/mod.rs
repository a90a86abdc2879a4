//! Output: what users and their scripts see. One file per format.

pub mod json;
pub mod text;
