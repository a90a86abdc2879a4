//! Output: what users and their scripts see. One file per format.

pub mod csv;
pub mod json;
pub mod kwic;
pub mod text;
pub mod trend;
