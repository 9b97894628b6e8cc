// Customer 360 in Azure: a Flex Consumption Function App (Durable Functions, .NET 10 isolated) with its
// storage, monitoring, MySQL Flexible Server, Azure OpenAI (gpt-4o-mini) and Key Vault, all reached with
// the app's system-assigned managed identity. Deploy with `azd up` (see README "Azure deployment").
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name; used to derive resource names.')
param environmentName string

@description('Location of every resource.')
param location string = resourceGroup().location

@description('MySQL administrator login (the app connects with it; the password lives only in Key Vault).')
param mysqlAdminLogin string = 'c360admin'

@secure()
@description('MySQL administrator password. Stored in Key Vault; the app setting only references it.')
param mysqlAdminPassword string

@description('Second step, after the code is deployed: create the Event Grid subscription that feeds the blob trigger.')
param deployEventGridSubscription bool = false

@description('Azure OpenAI model capacity (thousands of tokens per minute).')
param openAiCapacity int = 30

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName, product: 'customer360' }
var logsContainerName = 'logs'
var workContainerName = 'c360-work'
var outputContainerName = 'c360-output'
var deploymentContainerName = 'app-package'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    containers: [deploymentContainerName, logsContainerName, workContainerName, outputContainerName]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: 'c360-${token}'
    location: location
    tags: tags
  }
}

module openai 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    name: 'oai-${token}'
    location: location
    tags: tags
    capacity: openAiCapacity
  }
}

module mysql 'modules/mysql.bicep' = {
  name: 'mysql'
  params: {
    name: 'mysql-${token}'
    location: location
    tags: tags
    adminLogin: mysqlAdminLogin
    adminPassword: mysqlAdminPassword
    keyVaultName: 'kv-${token}'
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-${token}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    logsContainerName: logsContainerName
    workContainerName: workContainerName
    outputContainerName: outputContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiEndpoint: openai.outputs.endpoint
    openAiDeploymentName: openai.outputs.deploymentName
    mysqlSecretUri: mysql.outputs.connectionStringSecretUri
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: app.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiName: openai.outputs.name
    keyVaultName: mysql.outputs.keyVaultName
  }
}

module eventGrid 'modules/eventgrid.bicep' = if (deployEventGridSubscription) {
  name: 'eventgrid'
  params: {
    name: 'evgt-${token}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    functionAppName: app.outputs.name
    logsContainerName: logsContainerName
  }
}

output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_LOGS_CONTAINER string = logsContainerName
output AZURE_MYSQL_HOST string = mysql.outputs.host
output AZURE_OPENAI_ENDPOINT string = openai.outputs.endpoint
