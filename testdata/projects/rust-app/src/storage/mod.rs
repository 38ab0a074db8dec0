pub mod presigning;
pub mod s3;
