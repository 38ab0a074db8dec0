// SAS properties given to listServiceSas/listAccountSas in Bicep.
param storageAccountName string
param baseTime string = utcNow('u')
param sasExpiry string

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: storageAccountName
}

var reportsSas = {
  canonicalizedResource: '/blob/${storageAccountName}/reports'
  signedResource: 'c'
  signedPermission: 'r'
  signedProtocol: 'https'
  signedExpiry: dateTimeAdd(baseTime, 'P7D') // expect: excessive-expiry
}

var shortSas = {
  signedServices: 'b'
  signedResourceTypes: 'o'
  signedPermission: 'r'
  signedStart: '2030-01-01T00:00:00Z'
  signedExpiry: '2030-01-01T00:20:00Z'
}

var configuredSas = {
  signedServices: 'b'
  signedResourceTypes: 'o'
  signedPermission: 'r'
  signedExpiry: sasExpiry
}

output reportsToken string = account.listServiceSas('2021-09-01', reportsSas).serviceSasToken
output shortToken string = account.listAccountSas('2021-09-01', shortSas).accountSasToken
output configuredToken string = account.listAccountSas('2021-09-01', configuredSas).accountSasToken
output pastYear string = account.listServiceSas('2021-09-01', {
  canonicalizedResource: '/blob/${storageAccountName}/archive'
  signedResource: 'c'
  signedPermission: 'r'
  signedStart: '2030-01-01T00:00:00Z'
  signedExpiry: '2031-01-01T00:00:00Z' // expect: excessive-expiry
}).serviceSasToken
