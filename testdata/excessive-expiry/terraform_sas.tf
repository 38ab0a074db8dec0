# SAS tokens and signed URLs made by Terraform: Azure SAS data sources (`start`/`expiry`, no
# service limit) and google_storage_object_signed_url (`duration`, 1 hour by default; the
# provider signs V2 URLs, which have no 7-day limit).

variable "sas_expiry" {
  type = string
}

data "azurerm_storage_account_sas" "reports" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  https_only        = true
  signed_version    = "2022-11-02"
  start             = "2030-01-01T00:00:00Z"
  expiry            = "2031-01-01T00:00:00Z" # expect: excessive-expiry

  resource_types {
    service   = false
    container = false
    object    = true
  }
  services {
    blob  = true
    queue = false
    table = false
    file  = false
  }
  permissions {
    read    = true
    write   = false
    delete  = false
    list    = false
    add     = false
    create  = false
    update  = false
    process = false
    tag     = false
    filter  = false
  }
}

data "azurerm_storage_account_blob_container_sas" "uploads" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  container_name    = "uploads"
  https_only        = true
  start             = timestamp()
  expiry            = timeadd(timestamp(), "720h") # expect: excessive-expiry
  permissions {
    read   = true
    add    = true
    create = true
    write  = true
    delete = false
    list   = false
  }
}

resource "time_offset" "quarter" {
  offset_days = 90
}

data "azurerm_storage_account_blob_container_sas" "quarterly" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  container_name    = "exports"
  start             = timestamp()
  expiry            = time_offset.quarter.rfc3339 # expect: excessive-expiry
  permissions {
    read   = true
    add    = false
    create = false
    write  = false
    delete = false
    list   = true
  }
}

# An absolute date with no start: counted from now.
data "azurerm_storage_account_blob_container_sas" "archive" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  container_name    = "archive"
  start             = var.sas_expiry
  expiry            = "2099-12-31T00:00:00Z" # expect: excessive-expiry
  permissions {
    read   = true
    add    = false
    create = false
    write  = false
    delete = false
    list   = false
  }
}

# Traps: a short lifetime, and one only known at apply time.
data "azurerm_storage_account_blob_container_sas" "short" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  container_name    = "short"
  start             = "2030-01-01T00:00:00Z"
  expiry            = "2030-01-01T00:30:00Z"
  permissions {
    read   = true
    add    = false
    create = false
    write  = false
    delete = false
    list   = false
  }
}

data "azurerm_storage_account_blob_container_sas" "configured" {
  connection_string = azurerm_storage_account.reports.primary_connection_string
  container_name    = "configured"
  start             = timestamp()
  expiry            = var.sas_expiry
  permissions {
    read   = true
    add    = false
    create = false
    write  = false
    delete = false
    list   = false
  }
}

data "google_storage_object_signed_url" "installer" {
  bucket   = "acme-installers"
  path     = "agent/install.sh"
  duration = "240h" # expect: excessive-expiry
}

data "google_storage_object_signed_url" "default_hour" {
  bucket = "acme-installers"
  path   = "agent/install.sh"
}

data "google_storage_object_signed_url" "ten_minutes" {
  bucket   = "acme-installers"
  path     = "agent/install.sh"
  duration = "10m"
}
