// Azure Database for MySQL Flexible Server (Burstable B1ms) with the c360 database. The connection
// string (with the admin password) is written to Key Vault; the app setting holds only a reference.
param name string
param location string
param tags object
param adminLogin string
@secure()
param adminPassword string
param keyVaultName string

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '8.0.21'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforMySQL/flexibleServers/databases@2023-12-30' = {
  parent: server
  name: 'c360'
  properties: {
    charset: 'utf8mb4'
    collation: 'utf8mb4_unicode_ci'
  }
}

// Bulk loads use LOAD DATA LOCAL INFILE (MySqlBulkCopy), off by default on Azure.
resource localInfile 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: server
  name: 'local_infile'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
}

// Flex Consumption has no fixed outbound IPs without VNet integration: allow Azure services.
resource azureServices 'Microsoft.DBforMySQL/flexibleServers/firewallRules@2023-12-30' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'c360-mysql'
  properties: {
    value: 'Server=${server.properties.fullyQualifiedDomainName};Database=${database.name};User ID=${adminLogin};Password=${adminPassword};SslMode=Required;AllowLoadLocalInfile=true'
  }
}

output host string = server.properties.fullyQualifiedDomainName
output keyVaultName string = vault.name
output connectionStringSecretUri string = connectionString.properties.secretUri
